package dev.rivalry.matchmaker.dashboard;

import dev.rivalry.web.EventStreams;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The dashboard on the management port only (docs/adr/0009): its page and files, its feed
 * and its snapshot. Imported into the management child context, kept out of the service's
 * own scan; the feed itself ({@link DashboardFeed}) lives in the service's context, which
 * sees every ticket change. Absent when the dashboard is switched off, and in the other
 * services' management contexts of a JVM that runs several (standalone).
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@ConditionalOnBean(DashboardFeed.class)
@Import(DashboardManagementConfiguration.DashboardController.class)
class DashboardManagementConfiguration {

	@Bean
	RouterFunction<ServerResponse> dashboardPage() {
		return DashboardPage.routes();
	}

	/**
	 * The dashboard's data: {@code GET /v1/dashboard/events} pushes a {@code snapshot} event
	 * every interval (the latest one first), {@code GET /v1/dashboard} answers the latest
	 * snapshot once. The page at {@code /} follows the events.
	 */
	@RestController
	static class DashboardController {

		private final DashboardFeed feed;

		private final EventStreams live;

		DashboardController(DashboardFeed feed, EventStreams live) {
			this.feed = feed;
			this.live = live;
		}

		@GetMapping(path = "/v1/dashboard/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		Flux<ServerSentEvent<DashboardSnapshot>> events() {
			// A snapshot every interval keeps the stream busy: no heartbeat, but an end on shutdown.
			return this.live.endOnShutdown(
					this.feed.snapshots().map((snapshot) -> ServerSentEvent.builder(snapshot).event("snapshot").build()));
		}

		@GetMapping(path = "/v1/dashboard", produces = MediaType.APPLICATION_JSON_VALUE)
		Mono<DashboardSnapshot> current() {
			return this.feed.snapshots().next();
		}

	}

}
