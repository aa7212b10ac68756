package dev.rivalry.client;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Mono;

/**
 * The serverlist's and the matchmaker's endpoints as a game server calls them
 * (docs/server-integration.md): each method one call, the credential passed in.
 */
final class ServerCalls {

	private final Calls calls;

	private final URI serverlist;

	private final URI matchmaker;

	ServerCalls(Calls calls, URI serverlist, URI matchmaker) {
		this.calls = calls;
		this.serverlist = serverlist;
		this.matchmaker = matchmaker;
	}

	Mono<Registration> register(String fleetKey, Map<String, Object> body) {
		return this.calls.call(HttpMethod.POST, servers(""), fleetKey, body, Registration.class);
	}

	Mono<Heartbeat> heartbeat(Registration server) {
		return this.calls.call(HttpMethod.PUT, servers("/" + server.id() + "/heartbeat"), server.token(), null,
				Heartbeat.class);
	}

	/** @return where the server's event stream is */
	URI eventsUri(Registration server) {
		return servers("/" + server.id() + "/events");
	}

	/** @return the match's report token, which the start confirmation answers */
	Mono<String> started(Registration server, String matchId) {
		return this.calls
			.call(HttpMethod.POST, servers("/" + server.id() + "/matches/" + matchId + "/started"), server.token(), null,
					Started.class)
			.map(Started::reportToken);
	}

	Mono<Void> ready(Registration server) {
		return this.calls.call(HttpMethod.POST, servers("/" + server.id() + "/ready"), server.token(), null, Void.class);
	}

	Mono<Void> deregister(Registration server) {
		return this.calls.call(HttpMethod.DELETE, servers("/" + server.id()), server.token(), null, Void.class);
	}

	Mono<Backfill> backfill(String matchId, String reportToken, Backfill.Request request) {
		return Mono.defer(() -> this.calls.call(HttpMethod.POST, matches("/" + matchId + "/backfills"), reportToken, request,
				Backfill.class));
	}

	Mono<Backfill> readBackfill(String backfillId, String reportToken) {
		return Mono.defer(() -> this.calls.call(HttpMethod.GET, backfills("/" + backfillId), reportToken, null, Backfill.class));
	}

	Mono<Void> cancelBackfill(String backfillId, String reportToken) {
		return Mono.defer(() -> this.calls.call(HttpMethod.DELETE, backfills("/" + backfillId), reportToken, null, Void.class));
	}

	/**
	 * Posts a result. A {@code 409 result-already-reported} after a retried {@code 503} means
	 * the first attempt was recorded (docs/api.md, "Interrupted reports"): that is success.
	 */
	Mono<Void> results(String matchId, String reportToken, List<Integer> ranks) {
		Map<String, Object> body = Map.of("teams", ranks.stream().map((rank) -> Map.of("rank", rank)).toList());
		return Mono.defer(() -> report(matches("/" + matchId + "/results"), reportToken, body));
	}

	private Mono<Void> report(URI uri, String reportToken, Map<String, Object> body) {
		return this.calls.callOnce(HttpMethod.POST, uri, reportToken, body, Void.class)
			.onErrorResume((ex) -> this.calls.retryAfter(ex) != null,
					(ex) -> Mono.delay(this.calls.retryAfter(ex))
						.then(this.calls.callOnce(HttpMethod.POST, uri, reportToken, body, Void.class))
						.onErrorResume(ServerCalls::alreadyReported, (reported) -> Mono.empty()));
	}

	private static boolean alreadyReported(Throwable failure) {
		return failure instanceof ProblemException problem && "result-already-reported".equals(problem.slug());
	}

	private URI servers(String path) {
		return this.serverlist.resolve("/v1/servers" + path);
	}

	private URI matches(String path) {
		return matchmaker().resolve("/v1/matches" + path);
	}

	private URI backfills(String path) {
		return matchmaker().resolve("/v1/backfills" + path);
	}

	private URI matchmaker() {
		if (this.matchmaker == null) {
			throw new IllegalStateException("No matchmaker URL configured: RivalryClient.builder().matchmaker(…)");
		}
		return this.matchmaker;
	}

	/** The answer of a registration: the server's id and credential. */
	record Registration(String id, String token) {

		@Override
		public String toString() {
			return "Registration[id=" + this.id + "]";
		}

	}

	/** The answer of a heartbeat: the state the serverlist holds. */
	record Heartbeat(String id, String state) {
	}

	record Started(String reportToken) {

		@Override
		public String toString() {
			return "Started[reportToken=…]";
		}

	}

}
