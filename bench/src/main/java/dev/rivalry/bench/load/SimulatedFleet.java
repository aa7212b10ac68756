package dev.rivalry.bench.load;

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
import dev.rivalry.client.Allocation;
import dev.rivalry.client.Backfill;
import dev.rivalry.client.GameServer;
import dev.rivalry.client.GameServerSettings;
import dev.rivalry.client.RivalryClient;
import dev.rivalry.tokens.Participant;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Simulated game servers, each the client library's {@link GameServer}: they register with
 * the fleet key, heartbeat, listen for allocations on their event streams, let the match's
 * players in as they present their allocations, confirm the start once all are in, report
 * a random result with the report token the start confirmation answered and are ready
 * again. They play no game: a match lasts as long as its calls. The players' allocation
 * tokens are not verified here (the generator would spend the machine's cores on it); the
 * serverlist's tests and the end-to-end tests do that through the same library.
 */
final class SimulatedFleet implements AutoCloseable {

	/** How long a simulated server waits for a replacement player. */
	private static final Duration BACKFILL_TTL = Duration.ofSeconds(20);

	private final LoadSettings settings;

	private final RivalryClient client;

	private final Measurements measurements;

	private final List<GameServer> servers = Collections.synchronizedList(new ArrayList<>());

	private final Map<String, Game> games = new ConcurrentHashMap<>();

	/** Matches played and freed: a late joiner's admission must not bring one back. */
	private final Set<String> ended = ConcurrentHashMap.newKeySet();

	private final Disposable.Composite running = Disposables.composite();

	SimulatedFleet(LoadSettings settings, RivalryClient client, Measurements measurements) {
		this.settings = settings;
		this.client = client;
		this.measurements = measurements;
	}

	/** @return completes when every server is registered and its event stream connected */
	Mono<Void> start() {
		return Flux.range(0, this.settings.servers()).flatMap(this::start, 16).then();
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

	private Mono<Void> start(int index) {
		String region = this.settings.regions().get(index % this.settings.regions().size());
		GameServer server = this.client.gameServer(GameServerSettings
			.of(this.settings.fleetKey(), "10.0.0." + (index % 250) + ":" + (7000 + index), region)
			.withLabels(Map.of("bench", "true")));
		this.servers.add(server);
		this.running.add(server.allocations().subscribe((allocation) -> allocated(server, allocation)));
		this.running.add(server.events()
			.filter((event) -> event.is("backfill"))
			.subscribe((event) -> server.currentAllocation().ifPresent(this::backfilled)));
		return server.start()
			.doOnError((ex) -> this.measurements.error("register:" + Failures.kind(ex)))
			.timeout(this.settings.callTimeout().multipliedBy(2));
	}

	private void allocated(GameServer server, Allocation allocation) {
		String matchId = allocation.matchId();
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
		GameServer server = game.server;
		Mono<Void> startAndReport = step("start", server.confirmStart(matchId))
			.flatMap((reportToken) -> replaceALeaver(server, game).then(step("results",
					server.reportResults(game.randomRanks()))))
			.doOnSuccess((done) -> this.measurements.resultReported());
		return startAndReport.onErrorResume((ex) -> Mono.empty())
			.then(step("ready", server.ready()))
			.onErrorResume((ex) -> Mono.empty());
	}

	/**
	 * In {@code --backfill} of the matches a player "leaves" at the start: the server asks
	 * for one player on that team and reports once one came (its {@code backfill} event) or
	 * the backfill's time ran out. The time from the backfill's {@code 201} to the event is
	 * {@code backfillToFill}.
	 */
	private Mono<Void> replaceALeaver(GameServer server, Game game) {
		if (ThreadLocalRandom.current().nextDouble() >= this.settings.backfill()) {
			return Mono.empty();
		}
		int team = 1 + ThreadLocalRandom.current().nextInt(Math.max(1, game.teams));
		return step("backfill", server.requestBackfill(List.of(new Backfill.Slot(team, 1)), BACKFILL_TTL))
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

	private void backfilled(Allocation grown) {
		Game game = this.games.get(grown.matchId());
		if (game != null) {
			game.filled.tryEmitValue(System.nanoTime());
		}
	}

	/** @return the step's answer; its failure is counted by kind and ends the chain */
	private <T> Mono<T> step(String name, Mono<T> call) {
		return call.onErrorMap((ex) -> {
			this.measurements.error(name + ":" + Failures.kind(ex));
			return new Failures.Counted();
		});
	}

	/** Stops the streams and heartbeats and deregisters every server, so the next run starts clean. */
	@Override
	public void close() {
		this.running.dispose();
		Flux.fromIterable(List.copyOf(this.servers))
			.flatMap((server) -> server.deregister().onErrorResume((ex) -> Mono.empty()).doFinally((signal) -> server.close()),
					32)
			.then()
			.block(Duration.ofSeconds(30));
	}

	/** One match on its way to a server: the allocation and the players may arrive in any order. */
	private static final class Game {

		private final Set<String> admitted = ConcurrentHashMap.newKeySet();

		private final AtomicBoolean started = new AtomicBoolean();

		private final AtomicInteger assignments = new AtomicInteger();

		/** When the match's backfill was filled (its server's {@code backfill} event). */
		private final Sinks.One<Long> filled = Sinks.one();

		private volatile GameServer server;

		private volatile Set<String> participants;

		private volatile int teams;

		/** @return whether this is the match's first allocation event */
		boolean assign(GameServer server, Allocation allocation) {
			if (this.assignments.getAndIncrement() > 0) {
				return false;
			}
			Set<String> ids = ConcurrentHashMap.newKeySet();
			allocation.participants().stream().map(Participant::id).forEach(ids::add);
			this.teams = allocation.teams();
			this.participants = ids;
			this.server = server;
			return true;
		}

		boolean readyToStart() {
			Set<String> expected = this.participants;
			return this.server != null && expected != null && this.admitted.containsAll(expected);
		}

		List<Integer> randomRanks() {
			List<Integer> ranks = new ArrayList<>();
			for (int rank = 1; rank <= this.teams; rank++) {
				ranks.add(rank);
			}
			Collections.shuffle(ranks, ThreadLocalRandom.current());
			return ranks;
		}

	}

}
