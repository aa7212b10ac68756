package dev.rivalry.matchmaker.dashboard;

import dev.rivalry.web.EventStreams;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The dashboard's data: {@code GET /v1/dashboard/events} pushes a {@code snapshot} event
 * every interval (the latest one first), {@code GET /v1/dashboard} answers the latest
 * snapshot once. The page at {@code /} follows the events.
 */
@RestController
@ConditionalOnBooleanProperty(name = "rivalry.matchmaker.dashboard.enabled", matchIfMissing = true)
class DashboardController {

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
