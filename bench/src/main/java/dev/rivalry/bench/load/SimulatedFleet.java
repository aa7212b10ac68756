package dev.rivalry.bench.load;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.rivalry.bench.load.report.LatencyNames;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Simulated game servers: they register with the fleet key, heartbeat, listen for
 * allocations on their event streams, let the match's players in as they present their
 * allocations, confirm the start once all are in, report a random result with the report
 * token the start confirmation answered and are ready again. They play no game: a match lasts as long as its calls. The
 * players' allocation tokens are not verified here (the generator would spend the
 * machine's cores on it); the serverlist's tests and the reference server do that.
 */
final class SimulatedFleet implements AutoCloseable {

	/** How long a simulated server waits for a replacement player. */
	private static final Duration BACKFILL_TTL = Duration.ofSeconds(20);

	private final LoadSettings settings;

	private final Http http;

	private final Measurements measurements;

	private final JsonMapper json;

	private final List<Server> servers = Collections.synchronizedList(new ArrayList<>());

	private final Map<String, Game> games = new ConcurrentHashMap<>();

	/** Matches played and freed: a late joiner's admission must not bring one back. */
	private final Set<String> ended = ConcurrentHashMap.newKeySet();

	private final Disposable.Composite running = Disposables.composite();

	SimulatedFleet(LoadSettings settings, Http http, Measurements measurements, JsonMapper json) {
		this.settings = settings;
		this.http = http;
		this.measurements = measurements;
		this.json = json;
	}

	/** @return completes when every server is registered and its event stream connected */
	Mono<Void> start() {
		Duration period = Duration.ofSeconds(5);
		return Flux.range(0, this.settings.servers())
			.flatMap((index) -> register(index), 16)
			.flatMap(this::connect, 16)
			.then(Mono.fromRunnable(() -> this.running.add(Flux
				.interval(period.dividedBy(this.servers.size()))
				.onBackpressureDrop()
				.concatMap((tick) -> heartbeat(this.servers.get((int) (tick % this.servers.size()))), 0)
				.subscribe())));
	}

	/** A player presented its allocation: the server of the match lets it in. */
	void admit(String matchId, String playerId) {
		if (this.ended.contains(matchId)) {
			return;
		}
		Game game = this.games.computeIfAbsent(matchId, (id) -> new Game());
		game.admitted.add(playerId);
		startIfReady(matchId, game);
	}

	/** @return matches allocated and not yet reported and freed */
	int gamesInPlay() {
		return this.games.size();
	}

	private Mono<Server> register(int index) {
		String region = this.settings.regions().get(index % this.settings.regions().size());
		String body = this.json.writeValueAsString(Map.of("address", "10.0.0." + (index % 250) + ":" + (7000 + index),
				"region", region, "labels", Map.of("bench", "true")));
		return this.http.call(HttpMethod.POST, uri(this.settings.serverlist(), "/v1/servers"), this.settings.fleetKey(), body)
			.flatMap((response) -> {
				if (response.status() != 201) {
					return Mono.error(new IllegalStateException(
							"registering a game server: HTTP " + response.status() + " " + response.body()));
				}
				JsonNode registered = this.json.readTree(response.body());
				Server server = new Server(registered.path("id").asString(), registered.path("token").asString());
				this.servers.add(server);
				return Mono.just(server);
			});
	}

	/** @return completes when the server's stream says {@code connected} */
	private Mono<Void> connect(Server server) {
		Mono<Void> connected = Mono.create((sink) -> this.running.add(Flux
			.defer(() -> this.http.events(uri(this.settings.serverlist(), "/v1/servers/" + server.id + "/events"),
					server.credential))
			.doOnNext((event) -> {
				if ("connected".equals(event.comment())) {
					sink.success();
				}
				else if ("allocation".equals(event.event())) {
					allocated(server, this.json.readTree(event.data()));
				}
				else if ("backfill".equals(event.event())) {
					backfilled(this.json.readTree(event.data()));
				}
			})
			.takeUntil((event) -> "removed".equals(event.event()))
			.doOnError((ex) -> this.measurements.error("server-stream:" + Failures.kind(ex)))
			.retryWhen(Retry.fixedDelay(Long.MAX_VALUE, Duration.ofMillis(200)))
			.subscribe()));
		return connected.timeout(this.settings.callTimeout());
	}

	private void allocated(Server server, JsonNode allocation) {
		String matchId = allocation.path("matchId").asString();
		Game game = this.games.computeIfAbsent(matchId, (id) -> new Game());
		// Idempotent per match: a reconnecting stream delivers a pending allocation again.
		if (game.assign(server, allocation)) {
			this.measurements.serverAllocated(System.nanoTime());
		}
		startIfReady(matchId, game);
	}

	private void startIfReady(String matchId, Game game) {
		if (game.readyToStart() && game.started.compareAndSet(false, true)) {
			play(matchId, game).doFinally((signal) -> {
				this.ended.add(matchId);
				this.games.remove(matchId);
			}).subscribe();
		}
	}

	/**
	 * Start, report a random result, be ready again: each step's failure is counted by kind,
	 * and the server is ready again whatever happened, as a real one would be after its match.
	 */
	private Mono<Void> play(String matchId, Game game) {
		Server server = game.server;
		URI serverlist = this.settings.serverlist();
		String results = this.json.writeValueAsString(Map.of("teams", game.randomRanks()));
		Mono<Void> startAndReport = step("start", this.http.call(HttpMethod.POST,
				uri(serverlist, "/v1/servers/" + server.id + "/matches/" + matchId + "/started"), server.credential, null), 200)
			.map((started) -> this.json.readTree(started.body()).path("reportToken").asString())
			.flatMap((reportToken) -> replaceALeaver(matchId, game, reportToken).then(report(matchId, reportToken, results)))
			.doOnSuccess((done) -> this.measurements.resultReported());
		Mono<Void> ready = step("ready", this.http.call(HttpMethod.POST, uri(serverlist, "/v1/servers/" + server.id + "/ready"),
				server.credential, null), 204).then();
		return startAndReport.onErrorResume((ex) -> Mono.empty())
			.then(ready)
			.onErrorResume((ex) -> Mono.empty());
	}

	/**
	 * In {@code --backfill} of the matches a player "leaves" at the start: the server asks
	 * for one player on that team and reports once one came (its {@code backfill} event) or
	 * the backfill's time ran out. The time from the backfill's {@code 201} to the event is
	 * {@code backfillToFill}.
	 */
	private Mono<Void> replaceALeaver(String matchId, Game game, String reportToken) {
		if (ThreadLocalRandom.current().nextDouble() >= this.settings.backfill()) {
			return Mono.empty();
		}
		int team = 1 + ThreadLocalRandom.current().nextInt(Math.max(1, game.teams));
		String body = this.json.writeValueAsString(Map.of("slots", List.of(Map.of("team", team, "count", 1)),
				"ttl", BACKFILL_TTL.toSeconds() + "s"));
		return step("backfill", this.http.call(HttpMethod.POST,
				uri(this.settings.matchmaker(), "/v1/matches/" + matchId + "/backfills"), reportToken, body), 201)
			.flatMap((opened) -> {
				long openedAt = System.nanoTime();
				return game.filled.asMono()
					.timeout(BACKFILL_TTL)
					.doOnNext((at) -> this.measurements.latency(LatencyNames.BACKFILL_TO_FILL, openedAt, at))
					.onErrorResume((ex) -> {
						this.measurements.error("backfill:not-filled");
						return Mono.empty();
					});
			})
			.onErrorResume((ex) -> Mono.empty())
			.then();
	}

	private void backfilled(JsonNode event) {
		Game game = this.games.get(event.path("matchId").asString());
		if (game != null) {
			game.filled.tryEmitValue(System.nanoTime());
		}
	}

	/**
	 * Posts the result; a {@code 503} is asked again after its {@code Retry-After}, and a
	 * {@code 409} after that means the first attempt was recorded (docs/api.md, "Interrupted
	 * reports").
	 */
	private Mono<Void> report(String matchId, String reportToken, String results) {
		URI uri = uri(this.settings.matchmaker(), "/v1/matches/" + matchId + "/results");
		AtomicBoolean retried = new AtomicBoolean();
		return Mono.defer(() -> this.http.call(HttpMethod.POST, uri, reportToken, results))
			.onErrorMap((ex) -> {
				this.measurements.error("results:" + Failures.kind(ex));
				return new Failures.Counted();
			})
			.flatMap((response) -> {
				if (response.status() == 200 || (response.status() == 409 && retried.get())) {
					return Mono.<Void>empty();
				}
				this.measurements.error("results:" + Failures.kind(response));
				if (response.status() == 503 && !retried.getAndSet(true)) {
					return Mono.error(new Failures.RetryAfter(Failures.retryAfter(response)));
				}
				return Mono.error(new Failures.Counted());
			})
			.retryWhen(Failures.AFTER_RETRY_AFTER);
	}

	/** @return the response when its status is the expected one; otherwise the failure is counted */
	private Mono<Http.Response> step(String name, Mono<Http.Response> call, int expected) {
		return call.onErrorMap((ex) -> {
			this.measurements.error(name + ":" + Failures.kind(ex));
			return new Failures.Counted();
		}).flatMap((response) -> {
			if (response.status() == expected) {
				return Mono.just(response);
			}
			this.measurements.error(name + ":" + Failures.kind(response));
			return Mono.error(new Failures.Counted());
		});
	}

	private Mono<Void> heartbeat(Server server) {
		return this.http.call(HttpMethod.PUT, uri(this.settings.serverlist(), "/v1/servers/" + server.id + "/heartbeat"),
				server.credential, null)
			.doOnNext((response) -> {
				if (response.status() != 200) {
					this.measurements.error("heartbeat:" + Failures.kind(response));
				}
			})
			.onErrorResume((ex) -> {
				this.measurements.error("heartbeat:" + Failures.kind(ex));
				return Mono.empty();
			})
			.then();
	}

	/** Stops the streams and heartbeats and deregisters every server, so the next run starts clean. */
	@Override
	public void close() {
		this.running.dispose();
		Flux.fromIterable(List.copyOf(this.servers))
			.flatMap((server) -> this.http
				.call(HttpMethod.DELETE, uri(this.settings.serverlist(), "/v1/servers/" + server.id), server.credential, null)
				.onErrorResume((ex) -> Mono.empty()), 32)
			.then()
			.block(Duration.ofSeconds(30));
	}

	static URI uri(URI base, String path) {
		return base.resolve(path);
	}

	private record Server(String id, String credential) {
	}

	/** One match on its way to a server: the allocation and the players may arrive in any order. */
	private static final class Game {

		private final Set<String> admitted = ConcurrentHashMap.newKeySet();

		private final AtomicBoolean started = new AtomicBoolean();

		private final AtomicInteger assignments = new AtomicInteger();

		/** When the match's backfill was filled (its server's {@code backfill} event). */
		private final Sinks.One<Long> filled = Sinks.one();

		private volatile Server server;

		private volatile Set<String> participants;

		private volatile int teams;

		/** @return whether this is the match's first allocation event */
		boolean assign(Server server, JsonNode allocation) {
			if (this.assignments.getAndIncrement() > 0) {
				return false;
			}
			Set<String> ids = ConcurrentHashMap.newKeySet();
			int teamCount = 0;
			for (JsonNode participant : allocation.path("participants")) {
				ids.add(participant.path("id").asString());
				teamCount = Math.max(teamCount, participant.path("team").asInt() + 1);
			}
			this.teams = teamCount;
			this.participants = ids;
			this.server = server;
			return true;
		}

		boolean readyToStart() {
			Set<String> expected = this.participants;
			return this.server != null && expected != null && this.admitted.containsAll(expected);
		}

		List<Map<String, Integer>> randomRanks() {
			List<Integer> ranks = new ArrayList<>();
			for (int rank = 1; rank <= this.teams; rank++) {
				ranks.add(rank);
			}
			Collections.shuffle(ranks, ThreadLocalRandom.current());
			return ranks.stream().map((rank) -> Map.of("rank", rank)).toList();
		}

	}

}
