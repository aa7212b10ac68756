package dev.rivalry.serverlist.server;

import java.util.Comparator;

import reactor.core.publisher.Mono;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The serverlist's operator surface, on the management port only (docs/adr/0009): every
 * server's address, state and match. Imported into the management child context, kept out
 * of the service's own scan. In a JVM that runs several services (standalone), every
 * service's management context sees this class: only the serverlist's takes it.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@ConditionalOnBean(ServerRegistry.class)
@Import(ServerListingConfiguration.ServerListingController.class)
class ServerListingConfiguration {

	/** {@code GET /v1/servers[?state=&game=&region=]} and {@code GET /v1/servers/{id}}. */
	@RestController
	@RequestMapping("/v1/servers")
	static class ServerListingController {

		private final ServerRegistry registry;

		ServerListingController(ServerRegistry registry) {
			this.registry = registry;
		}

		@GetMapping
		Mono<ServerView.Listing> list(@RequestParam(required = false) ServerState state,
				@RequestParam(required = false) String game, @RequestParam(required = false) String region) {
			return this.registry.list(state)
				.filter((server) -> game == null || game.equals(server.game()))
				.filter((server) -> region == null || region.equals(server.region()))
				.map(ServerView::of)
				.sort(Comparator.comparing(ServerView::id))
				.collectList()
				.map(ServerView.Listing::new);
		}

		@GetMapping("/{id}")
		Mono<ServerView> get(@PathVariable String id) {
			return this.registry.find(id)
				.map(ServerView::of)
				.switchIfEmpty(Mono.error(() -> new ServerProblems.NotFound(id)));
		}

	}

}
