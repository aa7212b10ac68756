package dev.rivalry.standalone.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.rivalry.client.Allocation;
import dev.rivalry.client.Backfill;
import dev.rivalry.client.GameServer;
import dev.rivalry.tokens.AllocationClaims;
import dev.rivalry.tokens.Participant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * A game server of the demo: the client library's {@link GameServer} (registration, heartbeats,
 * allocation events, local checks of allocation tokens, start confirmation) plus a pretend
 * game. Bots join with their allocation tokens; once all are in, the game server
 * confirms the start and keeps the report token the serverlist answers, and after a random
 * match length this one reports random ranks with it (stronger teams win more often), says
 * it is ready again and lets the bots go.
 * Thread safe; holds at most the matches allocated to it and not yet over.
 */
final class SimulatedServer implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(SimulatedServer.class);

	/** How long a bot that reached the server waits for the allocation event to arrive too. */
	private static final Duration ALLOCATION_WAIT = Duration.ofSeconds(10);

	/** Past a match's start deadline, the serverlist's sweep needs a moment to free the server. */
	private static final Duration DEADLINE_GRACE = Duration.ofSeconds(2);

	private final GameServer server;

	private final String address;

	private final Outcomes outcomes;

	private final DemoSettings.Span length;

	private final DemoCounters counters;

	private final double leaveShare;

	private final Map<String, Game> games = new ConcurrentHashMap<>();

	/** The allocations followed while the server runs. */
	private final Disposable.Composite running = Disposables.composite();

	/** Ends the matches in play and the watches on pending ones when the server stops. */
	private final Sinks.Empty<Void> stopped = Sinks.empty();

	SimulatedServer(GameServer server, String address, Outcomes outcomes, DemoSettings.Span length,
			DemoCounters counters, double leaveShare) {
		this.leaveShare = leaveShare;
		this.server = server;
		this.address = address;
		this.outcomes = outcomes;
		this.length = length;
		this.counters = counters;
	}

	/** The address it registered: the {@code conn} of its allocations. */
	String address() {
		return this.address;
	}

	/** Registers (retrying while the serverlist is not there yet) and follows allocations. */
	Mono<Void> start() {
		return this.server.start()
			.retryWhen(Retry.backoff(10, Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(5)))
			.doOnSuccess((registered) -> this.running.add(this.server.allocations().subscribe(this::allocated)));
	}

	/**
	 * A bot connects with its allocation token and stays until the match is over.
	 * @param matchId the bot's match
	 * @param allocationToken the token the serverlist gave the bot
	 * @return completes when the match is over; an error if the bot was refused or the
	 * match did not happen
	 */
	Mono<Void> join(String matchId, String allocationToken) {
		return this.server.allocations()
			.filter((allocation) -> allocation.matchId().equals(matchId))
			.next()
			.timeout(ALLOCATION_WAIT)
			.then(Mono.defer(() -> this.server.admit(allocationToken)))
			.flatMap((claims) -> admitted(matchId, claims));
	}

	private void allocated(Allocation allocation) {
		// One match at a time: a match allocated before this one that never started was
		// given up (its start deadline passed); its bots stop waiting.
		this.games.forEach((matchId, game) -> {
			if (!matchId.equals(allocation.matchId()) && !game.started.get()) {
				this.games.remove(matchId);
				game.over.tryEmitError(new IllegalStateException("match " + matchId + " did not start"));
			}
		});
		if (this.games.putIfAbsent(allocation.matchId(), new Game(allocation)) == null) {
			giveUpAfterDeadline(allocation).takeUntilOther(this.stopped.asMono()).subscribe();
		}
	}

	/**
	 * A match whose bots did not all come in time is not started; the serverlist then
	 * frees the server. The bots that came stop waiting a little after the deadline.
	 */
	private Mono<Void> giveUpAfterDeadline(Allocation allocation) {
		Duration left = Duration.between(Instant.now(), allocation.startBy()).plus(DEADLINE_GRACE);
		return Mono.delay(left.isNegative() ? Duration.ZERO : left).then(Mono.fromRunnable(() -> {
			Game game = this.games.get(allocation.matchId());
			if (game != null && !game.started.get() && this.games.remove(allocation.matchId(), game)) {
				game.over.tryEmitError(new IllegalStateException("match " + allocation.matchId() + " did not start"));
			}
		}));
	}

	private Mono<Void> admitted(String matchId, AllocationClaims claims) {
		Game game = this.games.get(matchId);
		if (game == null) {
			return Mono.error(new IllegalStateException("match " + matchId + " is not on server " + this.address));
		}
		game.admitted.add(claims.playerId());
		// The game server confirmed the start when the last of them was admitted.
		boolean everyone = game.allocation.participants().stream().map(Participant::id).allMatch(game.admitted::contains);
		if (everyone && game.started.compareAndSet(false, true)) {
			play(game).takeUntilOther(this.stopped.asMono()).subscribe();
		}
		return game.over.asMono();
	}

	private Mono<Void> play(Game game) {
		String matchId = game.allocation.matchId();
		Duration length = this.length.draw();
		if (ThreadLocalRandom.current().nextDouble() < this.leaveShare) {
			replaceALeaver(game, length).takeUntilOther(this.stopped.asMono()).subscribe();
		}
		return Mono.delay(length)
			.then(Mono.defer(() -> this.server.reportResults(this.outcomes.ranks(game.allocation.participants()))))
			.doOnSuccess((reported) -> this.counters.reported())
			// One policy: a refused or failed report is logged; the server still becomes ready.
			.onErrorResume((ex) -> {
				this.counters.reportFailed();
				logger.warn("Server {} could not report match {}: {}", this.address, matchId, ex.toString());
				return Mono.empty();
			})
			.then(Mono.defer(this.server::ready))
			.onErrorResume((ex) -> {
				logger.warn("Server {} could not say it is ready: {}", this.address, ex.toString());
				return Mono.empty();
			})
			.doFinally((signal) -> {
				this.games.remove(matchId);
				game.over.tryEmitEmpty();
			});
	}

	/**
	 * A player leaves a third into the match: the server asks for one player on that
	 * player's team, for the rest of the match. The leaver still counts in the result (as
	 * in most competitive games, leaving loses with one's team); whoever joins is admitted
	 * like the others and rated with them.
	 */
	private Mono<Void> replaceALeaver(Game game, Duration length) {
		List<Participant> players = game.allocation.participants();
		Participant leaver = players.get(ThreadLocalRandom.current().nextInt(players.size()));
		Duration rest = length.minus(length.dividedBy(3));
		return Mono.delay(length.dividedBy(3))
			.then(Mono.defer(() -> this.server.requestBackfill(List.of(new Backfill.Slot(leaver.team() + 1, 1)),
					rest.compareTo(Duration.ofSeconds(1)) > 0 ? rest : Duration.ofSeconds(1))))
			.doOnNext((opened) -> this.counters.backfillOpened())
			.onErrorResume((ex) -> {
				logger.debug("Server {} could not ask for a backfill of {}: {}", this.address,
						game.allocation.matchId(), ex.toString());
				return Mono.empty();
			})
			.then();
	}

	/** Leaves the serverlist, then stops heartbeating. */
	Mono<Void> stop() {
		this.running.dispose();
		this.stopped.tryEmitEmpty();
		return Mono.defer(this.server::deregister)
			.onErrorResume((ex) -> {
				logger.debug("Server {} could not deregister: {}", this.address, ex.toString());
				return Mono.empty();
			})
			.doFinally((signal) -> close());
	}

	@Override
	public void close() {
		this.running.dispose();
		this.stopped.tryEmitEmpty();
		this.server.close();
		this.games.values().forEach((game) -> game.over.tryEmitError(new IllegalStateException("server stopped")));
		this.games.clear();
	}

	/** A match allocated to this server, from the allocation to its end. */
	private static final class Game {

		private final Allocation allocation;

		private final Set<String> admitted = ConcurrentHashMap.newKeySet();

		private final AtomicBoolean started = new AtomicBoolean();

		private final Sinks.Empty<Void> over = Sinks.empty();

		private Game(Allocation allocation) {
			this.allocation = allocation;
		}

	}

}
