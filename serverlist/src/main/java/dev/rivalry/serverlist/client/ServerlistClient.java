package dev.rivalry.serverlist.client;

import java.net.URI;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The serverlist's and the matchmaker's HTTP endpoints as a game server calls them.
 */
final class ServerlistClient {

	private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT = new ParameterizedTypeReference<>() {
	};

	private final WebClient serverlist;

	private final WebClient matchmaker;

	ServerlistClient(WebClient.Builder builder, URI serverlist, URI matchmaker) {
		this.serverlist = builder.clone().baseUrl(serverlist.toString()).build();
		this.matchmaker = (matchmaker != null) ? builder.clone().baseUrl(matchmaker.toString()).build() : null;
	}

	Mono<Registration> register(String fleetKey, Map<String, Object> body) {
		return this.serverlist.post()
			.uri("/v1/servers")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + fleetKey)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.retrieve()
			.bodyToMono(Registration.class);
	}

	Mono<Heartbeat> heartbeat(String id, String credential) {
		return this.serverlist.put()
			.uri("/v1/servers/{id}/heartbeat", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + credential)
			.retrieve()
			.bodyToMono(Heartbeat.class);
	}

	Flux<ServerSentEvent<String>> events(String id, String credential) {
		return this.serverlist.get()
			.uri("/v1/servers/{id}/events", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + credential)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(EVENT);
	}

	/** @return the report token of the match, which the start confirmation answers */
	Mono<String> started(String id, String credential, String matchId) {
		return this.serverlist.post()
			.uri("/v1/servers/{id}/matches/{matchId}/started", id, matchId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + credential)
			.retrieve()
			.bodyToMono(Started.class)
			.map(Started::reportToken);
	}

	Mono<Void> ready(String id, String credential) {
		return this.serverlist.post()
			.uri("/v1/servers/{id}/ready", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + credential)
			.retrieve()
			.toBodilessEntity()
			.then();
	}

	Mono<Void> deregister(String id, String credential) {
		return this.serverlist.delete()
			.uri("/v1/servers/{id}", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + credential)
			.retrieve()
			.toBodilessEntity()
			.then();
	}

	/** Opens a backfill of the match (replacing its open one); answers the backfill as the matchmaker shows it. */
	Mono<Map<String, Object>> backfill(String matchId, String reportToken, Map<String, Object> body) {
		if (this.matchmaker == null) {
			return noMatchmaker();
		}
		return this.matchmaker.post()
			.uri("/v1/matches/{matchId}/backfills", matchId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + reportToken)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.retrieve()
			.bodyToMono(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			});
	}

	Mono<Map<String, Object>> readBackfill(String backfillId, String reportToken) {
		if (this.matchmaker == null) {
			return noMatchmaker();
		}
		return this.matchmaker.get()
			.uri("/v1/backfills/{id}", backfillId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + reportToken)
			.retrieve()
			.bodyToMono(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			});
	}

	Mono<Void> results(String matchId, String reportToken, List<Integer> ranks) {
		if (this.matchmaker == null) {
			return noMatchmaker();
		}
		List<Map<String, Integer>> teams = ranks.stream().map((rank) -> Map.of("rank", rank)).toList();
		return this.matchmaker.post()
			.uri("/v1/matches/{matchId}/results", matchId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + reportToken)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("teams", teams))
			.retrieve()
			.toBodilessEntity()
			.then();
	}

	record Registration(String id, String token) {

		@Override
		public String toString() {
			return "Registration[id=" + this.id + "]";
		}

	}

	record Heartbeat(String id, String state) {
	}

	record Started(String reportToken) {

		@Override
		public String toString() {
			return "Started[reportToken=…]";
		}

	}

	private static <T> Mono<T> noMatchmaker() {
		return Mono.error(new IllegalStateException("No matchmaker URL configured"));
	}

}
