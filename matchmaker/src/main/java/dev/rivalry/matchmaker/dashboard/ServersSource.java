package dev.rivalry.matchmaker.dashboard;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * The game servers by state: the serverlist's {@code GET /v1/servers} within the timeout.
 */
final class ServersSource {

	private static final Logger logger = LoggerFactory.getLogger(ServersSource.class);

	private final WebClient client;

	private final URI serverlist;

	private final Duration timeout;

	/**
	 * @param client the HTTP client
	 * @param serverlist the serverlist's base URL, or {@code null} for none
	 * @param timeout how long to wait for it
	 */
	ServersSource(WebClient client, URI serverlist, Duration timeout) {
		this.client = client;
		this.serverlist = serverlist;
		this.timeout = timeout;
	}

	/** @return the servers by state; never fails */
	Mono<Section<ServerFigures>> read() {
		if (this.serverlist == null) {
			return Mono.just(Section.off());
		}
		return this.client.get()
			.uri(PoolsSource.at(this.serverlist, "/v1/servers"))
			.retrieve()
			.bodyToMono(ServerFigures.Listing.class)
			.timeout(this.timeout)
			.map((listing) -> Section.of(ServerFigures.of(listing.servers()), List.of(), 1))
			// One policy: a serverlist that does not answer is shown unavailable, never breaks the feed.
			.onErrorResume((ex) -> {
				logger.debug("Serverlist {} did not answer: {}", this.serverlist, ex.toString());
				return Mono.just(Section.of(null, List.of(this.serverlist.toString()), 1));
			});
	}

}
