package dev.rivalry.bench.load;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import dev.rivalry.bench.load.report.LatencyNames;
import dev.rivalry.client.PlayerClient;
import dev.rivalry.client.ProblemException;
import dev.rivalry.client.RivalryClient;
import dev.rivalry.client.Ticket;
import dev.rivalry.client.TicketRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * What each generated ticket's players do, as a game client would: create the ticket with
 * the leader's player token, follow its event stream to its end (reconnecting if it
 * drops), and when matched trade each player's match token (the others read theirs from
 * their own view of the ticket) for an allocation and present it to the server. Every
 * latency is measured from the ticket's intended send time. The tickets are planned, and
 * their players' tokens fetched, before the schedule starts ({@link PlannedTicket},
 * {@link PlayerTokens}).
 */
final class PlayerFlow {

	/** How long matched players keep asking for a server while none is free. */
	private static final Duration ALLOCATION_PATIENCE = Duration.ofSeconds(60);

	private final LoadSettings settings;

	/** The client library on every matchmaker instance: creates take turns, a broken stream moves on. */
	private final List<RivalryClient> instances;

	private final Measurements measurements;

	private final TicketLedger ledger;

	private final SimulatedFleet fleet;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final PlayerTokens tokens;

	/** The planned tickets by index; each is dropped once sent. */
	private final PlannedTicket[] planned;

	private final List<String> regions;

	private final PoolTimeline pools = new PoolTimeline();

	/** With {@code --tickets-per-stream} above 1: the back end's multi-ticket streams; else {@code null}. */
	private final StreamGroups groups;

	PlayerFlow(LoadSettings settings, List<RivalryClient> instances, Http http, JsonMapper json,
			Measurements measurements, TicketLedger ledger, SimulatedFleet fleet, PlayerTokens tokens,
			PlannedTicket[] planned) {
		this.settings = settings;
		this.instances = List.copyOf(instances);
		this.measurements = measurements;
		this.ledger = ledger;
		this.fleet = fleet;
		this.tokens = tokens;
		this.planned = planned;
		this.regions = settings.regions();
		List<URI> tickets = settings.matchmakers().stream().map((matchmaker) -> matchmaker.resolve("/v1/tickets")).toList();
		this.groups = (settings.ticketsPerStream() > 1) ? new StreamGroups(settings.ticketsPerStream(), planned.length,
				http, json, tokens, tickets, measurements) : null;
	}

	/**
	 * Sends planned ticket {@code index} now; called by the arrival schedule, one thread.
	 * @param intendedNanos when it was due: every latency starts there
	 */
	void arrive(long index, long intendedNanos) {
		PlannedTicket ticket = this.planned[(int) index];
		// Sent once: the plan's memory goes with it (a long run plans hundreds of thousands).
		this.planned[(int) index] = null;
		List<String> players = ticket.players();
		this.inFlight.incrementAndGet();
		// Round-robin over instances independently of the region (regions are round-robin too).
		int instance = (int) ((index / this.regions.size()) % this.instances.size());
		String pool = this.regions.get((int) (index % this.regions.size()));
		create(instance, ticket.request(), players, intendedNanos)
			.doOnError((ex) -> {
				if (this.groups != null) {
					this.groups.skip(index);
				}
			})
			.flatMap((ticketId) -> (this.groups != null)
					? followInGroup(index, instance, pool, ticketId, players, intendedNanos)
					: follow(instance, pool, ticketId, players, intendedNanos))
			.flatMap((matched) -> allocate(matched, intendedNanos))
			.doFinally((signal) -> this.inFlight.decrementAndGet())
			.subscribe(null, (ex) -> {
				if (!(ex instanceof Failures.Counted)) {
					this.measurements.error("flow:" + Failures.kind(ex));
				}
			});
	}

	/** @return tickets whose flow (create, stream, allocation) has not finished */
	int inFlight() {
		return this.inFlight.get();
	}

	/** Cancels a ticket left searching at the end; its stream then ends {@code CANCELLED} (or {@code MATCHED}). */
	Mono<Void> cancel(String ticketId) {
		return leader(0, this.ledger.players(ticketId)).cancel(ticketId)
			// Matched meanwhile: nothing to cancel, and no failure.
			.onErrorResume((ex) -> ex instanceof ProblemException problem && problem.status() == 409, (ex) -> Mono.empty())
			.onErrorResume((ex) -> {
				this.measurements.error("cancel:" + Failures.kind(ex));
				return Mono.empty();
			});
	}

	/**
	 * Reads a ticket's state from the matchmaker, for a ticket whose stream showed no
	 * terminal state by the end of the run.
	 * @return the state, {@code ""} when it could not be read
	 */
	Mono<ServerState> serverState(String ticketId) {
		return leader(0, this.ledger.players(ticketId)).ticket(ticketId)
			.map((ticket) -> new ServerState(ticketId, ticket.state()))
			.onErrorReturn(new ServerState(ticketId, ""));
	}

	/**
	 * @param ticketId the ticket
	 * @param state its state as the matchmaker holds it, {@code ""} when unknown
	 */
	record ServerState(String ticketId, String state) {
	}

	/** @return when each pool's matches arrived, for the fault timeline of a chaos run */
	PoolTimeline pools() {
		return this.pools;
	}

	private Mono<String> create(int instance, TicketRequest request, List<String> players, long intendedNanos) {
		// The tokens were fetched before the schedule started: from the cache, no request.
		return leader(instance, players).createTicket(request)
			// Refused before it reached an instance: a load balancer would try the next one.
			.onErrorResume((ex) -> this.instances.size() > 1 && "connect".equals(Failures.kind(ex)),
					(ex) -> leader(instance + 1, players).createTicket(request))
			.onErrorMap((ex) -> {
				this.measurements.error("create:" + Failures.kind(ex));
				return new Failures.Counted();
			})
			.map((ticket) -> {
				long now = System.nanoTime();
				this.ledger.created(ticket.id(), players);
				this.measurements.latency(LatencyNames.CREATE, intendedNanos, now);
				this.measurements.created(now, players.size());
				return ticket.id();
			});
	}

	/** @return the calls of the ticket's leader on the {@code instance}-th matchmaker in turn */
	private PlayerClient leader(int instance, List<String> players) {
		return this.instances.get(instance % this.instances.size()).player(() -> this.tokens.leader(players));
	}

	/**
	 * Follows the ticket's stream to its terminal state; a dropped stream is opened again
	 * (its first event is the current state, so nothing is missed).
	 * @return the match, when the ticket was matched
	 */
	private Mono<Matched> follow(int instance, String pool, String ticketId, List<String> players,
			long intendedNanos) {
		AtomicInteger attempts = new AtomicInteger(instance);
		Proposals proposals = new Proposals();
		return Flux.defer(() -> leader(attempts.getAndIncrement(), players).stream(ticketId))
			.concatMap((ticket) -> answerIfProposed(instance, players, ticket, proposals, intendedNanos)
				.thenReturn(ticket))
			.filter(Ticket::isTerminal)
			.doOnError((ex) -> this.measurements.error("stream:" + Failures.kind(ex)))
			// The stream ends after the terminal state; ended without one, the player listens again.
			.repeatWhen((ends) -> ends.takeWhile((end) -> this.ledger.isOpen(ticketId)).delayElements(Duration.ofMillis(100)))
			// Reconnect as an EventSource does, also through an outage (503) of the matchmaker's store.
			.retryWhen(Retry.fixedDelay(120, Duration.ofMillis(250))
				.filter((ex) -> !(ex instanceof ProblemException problem) || problem.status() == 503))
			.concatMap((ticket) -> terminal(pool, ticketId, players, ticket, intendedNanos))
			.next()
			.onErrorMap((ex) -> new Failures.Counted());
	}

	/** Follows the ticket on its group's multi-ticket stream, as a game back end would. */
	private Mono<Matched> followInGroup(long index, int instance, String pool, String ticketId, List<String> players,
			long intendedNanos) {
		Proposals proposals = new Proposals();
		return this.groups.follow(index, ticketId)
			.concatMap((ticket) -> answerIfProposed(instance, players, ticket, proposals, intendedNanos)
				.thenReturn(ticket))
			.filter(Ticket::isTerminal)
			.concatMap((ticket) -> terminal(pool, ticketId, players, ticket, intendedNanos))
			.next();
	}

	/**
	 * A match proposed to the ticket (a profile with acceptance) is answered once: accepted
	 * by the {@code --accept} share of players, declined by the others.
	 */
	private Mono<Void> answerIfProposed(int instance, List<String> players, Ticket ticket, Proposals proposals,
			long intendedNanos) {
		long now = System.nanoTime();
		if (ticket.isMatched() && proposals.lastAt > 0) {
			this.measurements.latency(LatencyNames.PROPOSAL_TO_TOKEN, proposals.lastAt, now);
		}
		if (ticket.proposal() == null || !proposals.answered.add(ticket.proposal().id())) {
			return Mono.empty();
		}
		proposals.lastAt = now;
		this.measurements.latency(LatencyNames.CREATE_TO_PROPOSAL, intendedNanos, now);
		boolean accept = ThreadLocalRandom.current().nextDouble() < this.settings.accept();
		PlayerClient leader = leader(instance, players);
		return (accept ? leader.accept(ticket.id()) : leader.decline(ticket.id())).onErrorResume((ex) -> {
			this.measurements.error((accept ? "accept:" : "decline:") + Failures.kind(ex));
			return Mono.empty();
		});
	}

	/** The proposals one ticket was answered, and when the latest arrived. */
	private static final class Proposals {

		final Set<String> answered = ConcurrentHashMap.newKeySet();

		volatile long lastAt;

	}

	private Mono<Matched> terminal(String pool, String ticketId, List<String> players, Ticket ticket,
			long intendedNanos) {
		long now = System.nanoTime();
		if (!this.ledger.terminal(ticketId, ticket.state()) || !ticket.isMatched()) {
			return Mono.empty();
		}
		Set<String> participants = new HashSet<>();
		ticket.match().participants().forEach((participant) -> participants.add(participant.id()));
		String matchId = ticket.match().id();
		if (this.ledger.matched(ticketId, matchId, participants)) {
			this.measurements.match(now);
			this.pools.matched(pool, System.currentTimeMillis());
		}
		this.measurements.latency(LatencyNames.CREATE_TO_TOKEN, intendedNanos, now);
		this.measurements.matchedTicket(now);
		return Mono.just(new Matched(ticketId, matchId, players, ticket.match().tokens(), now));
	}

	private Mono<Void> allocate(Matched matched, long intendedNanos) {
		if (!this.settings.allocate()) {
			return Mono.empty();
		}
		return Flux.fromIterable(matched.players())
			.flatMap((player) -> ownMatchToken(matched, player)
				.flatMap((token) -> allocateOne(matched, player, token.matchToken(), token.nanos(), intendedNanos)))
			.then();
	}

	/**
	 * The player's match token: from the leader's view when it is there, else from the
	 * player's own view of the ticket (a view carries its reader's match token only).
	 */
	private Mono<MatchToken> ownMatchToken(Matched matched, String player) {
		String seen = matched.tokens().get(player);
		if (seen != null) {
			return Mono.just(new MatchToken(seen, matched.tokenNanos()));
		}
		return this.instances.get(0)
			.player(() -> this.tokens.own(player))
			.ticket(matched.ticketId())
			.onErrorMap((ex) -> {
				this.measurements.error("view:" + Failures.kind(ex));
				return new Failures.Counted();
			})
			.flatMap((view) -> {
				String matchToken = view.isMatched() ? view.match().tokens().get(player) : null;
				if (matchToken == null) {
					this.measurements.error("view:no-match-token");
					return Mono.error(new Failures.Counted());
				}
				return Mono.just(new MatchToken(matchToken, System.nanoTime()));
			});
	}

	private Mono<Void> allocateOne(Matched matched, String playerId, String matchToken, long tokenNanos,
			long intendedNanos) {
		long giveUpAt = System.nanoTime() + ALLOCATION_PATIENCE.toNanos();
		PlayerClient player = this.instances.get(0).player(() -> this.tokens.own(playerId));
		return Mono.defer(() -> player.allocate(matchToken))
			.onErrorMap((ex) -> {
				this.measurements.error("allocate:" + Failures.kind(ex));
				// No server free yet: the player asks again after the Retry-After, for a while.
				if (ex instanceof ProblemException problem && problem.status() == 503 && System.nanoTime() < giveUpAt) {
					return new Failures.RetryAfter(Failures.retryAfter(problem));
				}
				return new Failures.Counted();
			})
			.doOnNext((grant) -> {
				long now = System.nanoTime();
				this.measurements.latency(LatencyNames.CREATE_TO_ALLOCATION, intendedNanos, now);
				this.measurements.latency(LatencyNames.TOKEN_TO_ALLOCATION, intendedNanos, tokenNanos, now);
				this.measurements.allocated(now);
				this.fleet.admit(matched.matchId(), playerId);
			})
			.retryWhen(Failures.AFTER_RETRY_AFTER)
			.then();
	}

	/**
	 * @param ticketId the ticket
	 * @param matchId the match
	 * @param players the ticket's players, leader first
	 * @param tokens match token by player, as the leader's view shows them
	 * @param tokenNanos when the tokens arrived
	 */
	private record Matched(String ticketId, String matchId, List<String> players, Map<String, String> tokens,
			long tokenNanos) {
	}

	/**
	 * @param matchToken a player's match token
	 * @param nanos when the player had it
	 */
	private record MatchToken(String matchToken, long nanos) {
	}


}
