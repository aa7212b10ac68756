package dev.rivalry.serverlist;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Keeps test servers heartbeating in the background (every 100 ms, twice per period of the
 * test settings) until stopped.
 */
final class Heartbeats {

	private final Map<String, Disposable> running = new ConcurrentHashMap<>();

	void start(int port, String serverId, String credential) {
		WebClient client = WebClient.create("http://localhost:" + port);
		Disposable beating = Flux.interval(Duration.ZERO, Duration.ofMillis(100))
			.onBackpressureDrop()
			.concatMap((tick) -> client.put()
				.uri("/v1/servers/{id}/heartbeat", serverId)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + credential)
				.retrieve()
				.toBodilessEntity()
				.onErrorComplete(), 0)
			.subscribe();
		this.running.put(serverId, beating);
	}

	void stop(String serverId) {
		Disposable beating = this.running.remove(serverId);
		if (beating != null) {
			beating.dispose();
		}
	}

	void stopAll() {
		this.running.keySet().forEach(this::stop);
	}

}
