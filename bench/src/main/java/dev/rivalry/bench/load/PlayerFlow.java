package dev.rivalry.bench.load;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import dev.rivalry.bench.load.report.LatencyNames;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;
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

	private final Http http;

	private final Measurements measurements;

	private final TicketLedger ledger;

	private final SimulatedFleet fleet;

	private final JsonMapper json;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final PlayerTokens tokens;

	/** The planned tickets by index; each is dropped once sent. */
	private final PlannedTicket[] planned;

	private final URI tickets;

	/** {@code /v1/tickets} on every matchmaker instance: creates take turns, a broken stream moves on. */
	private final List<URI> instances;

	private final List<String> regions;

	private final PoolTimeline pools = new PoolTimeline();

	private final URI allocations;

	/** With {@code --tickets-per-stream} above 1, the back end's multi-ticket streams; else null. */
	private final StreamGroups groups;

	PlayerFlow(LoadSettings settings, Http http, Measurements measurements, TicketLedger ledger, SimulatedFleet fleet,
			JsonMapper json, PlayerTokens tokens, PlannedTicket[] planned) {
		this.settings = settings;
		this.http = http;
		this.measurements = measurements;
		this.ledger = ledger;
		this.fleet = fleet;
		this.json = json;
		this.tokens = tokens;
		this.planned = planned;
		this.tickets = settings.matchmaker().resolve("/v1/tickets");
		this.instances = settings.matchmakers().stream().map((matchmaker) -> matchmaker.resolve("/v1/tickets")).toList();
		this.regions = settings.regions();
		this.allocations = settings.serverlist().resolve("/v1/allocations");
		this.groups = (settings.ticketsPerStream() > 1) ? new StreamGroups(settings.ticketsPerStream(), planned.length,
				http, json, tokens, this.instances, measurements) : null;
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
		create(instance, ticket.body(), players, intendedNanos)
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
		return this.tokens.leader(this.ledger.players(ticketId))
			.flatMap((token) -> this.http.playerCall(HttpMethod.DELETE, this.tickets.resolve("/v1/tickets/" + ticketId), token, null))
			.doOnNext((response) -> {
				if (response.status() != 204 && response.status() != 409) {
					this.measurements.error("cancel:" + Failures.kind(response));
				}
			})
			.onErrorResume((ex) -> {
				this.measurements.error("cancel:" + Failures.kind(ex));
				return Mono.empty();
			})
			.then();
	}

	/**
	 * Reads a ticket's state from the matchmaker, for a ticket whose stream showed no
	 * terminal state by the end of the run.
	 * @return the state, {@code ""} when it could not be read
	 */
	Mono<ServerState> serverState(String ticketId) {
		return this.tokens.leader(this.ledger.players(ticketId))
			.flatMap((token) -> this.http.playerCall(HttpMethod.GET, this.tickets.resolve("/v1/tickets/" + ticketId), token, null))
			.map((response) -> new ServerState(ticketId,
					(response.status() == 200) ? this.json.readTree(response.body()).path("state").asString() : ""))
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

	private Mono<String> create(int instance, String body, List<String> players, long intendedNanos) {
		// Fetched before the schedule started: from the cache, no request.
		return this.tokens.leader(players)
			.flatMap((token) -> this.http.playerCall(HttpMethod.POST, this.instances.get(instance), token, body)
				// Refused before it reached an instance: a load balancer would try the next one.
				.onErrorResume((ex) -> this.instances.size() > 1 && "connect".equals(Failures.kind(ex)), (ex) -> this.http
					.playerCall(HttpMethod.POST, this.instances.get((instance + 1) % this.instances.size()), token, body)))
			.onErrorMap((ex) -> {
				this.measurements.error("create:" + Failures.kind(ex));
				return new Failures.Counted();
			})
			.flatMap((response) -> {
				long now = System.nanoTime();
				if (response.status() != 201) {
					this.measurements.error("create:" + Failures.kind(response));
					return Mono.error(new Failures.Counted());
				}
				String ticketId = this.json.readTree(response.body()).path("id").asString();
				this.ledger.created(ticketId, players);
				this.measurements.latency(LatencyNames.CREATE, intendedNanos, now);
				this.measurements.created(now, players.size());
				return Mono.just(ticketId);
			});
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
		return Flux.defer(() -> this.tokens.leader(players)
			.flatMapMany((token) -> this.http.events(eventsOn(attempts.getAndIncrement(), ticketId), token)))
			.filter((event) -> "ticket".equals(event.event()) && event.data() != null)
			.map((event) -> this.json.readTree(event.data()))
			.concatMap((ticket) -> answerIfProposed(instance, ticketId, players, ticket, proposals, intendedNanos)
				.thenReturn(ticket))
			.filter((ticket) -> !"SEARCHING".equals(ticket.path("state").asString())
					&& !"PROPOSED".equals(ticket.path("state").asString()))
			.doOnError((ex) -> this.measurements.error("stream:" + Failures.kind(ex)))
			// The stream ends after the terminal state; ended without one, the player listens again.
			.repeatWhen((ends) -> ends.takeWhile((end) -> this.ledger.isOpen(ticketId)).delayElements(Duration.ofMillis(100)))
			// Reconnect as an EventSource does, also through an outage (503) of the matchmaker's store.
			.retryWhen(Retry.fixedDelay(120, Duration.ofMillis(250))
				.filter((ex) -> !(ex instanceof Http.Refused refused) || refused.status() == 503))
			.concatMap((ticket) -> terminal(pool, ticketId, players, ticket, intendedNanos))
			.next()
			.onErrorMap((ex) -> new Failures.Counted());
	}

	/**
	 * A match proposed to the ticket (a profile with acceptance) is answered once: accepted
	 * by the {@code --accept} share of players, declined by the others.
	 */
	private Mono<Void> answerIfProposed(int instance, String ticketId, List<String> players, JsonNode ticket,
			Proposals proposals, long intendedNanos) {
		String proposal = ticket.path("proposal").path("id").asString("");
		long now = System.nanoTime();
		if ("MATCHED".equals(ticket.path("state").asString()) && proposals.lastAt > 0) {
			this.measurements.latency(LatencyNames.PROPOSAL_TO_TOKEN, proposals.lastAt, now);
		}
		if (proposal.isEmpty() || !proposals.answered.add(proposal)) {
			return Mono.empty();
		}
		proposals.lastAt = now;
		this.measurements.latency(LatencyNames.CREATE_TO_PROPOSAL, intendedNanos, now);
		String answer = (ThreadLocalRandom.current().nextDouble() < this.settings.accept()) ? "accept" : "decline";
		URI uri = this.instances.get(instance).resolve("/v1/tickets/" + ticketId + "/" + answer);
		return this.tokens.leader(players)
			.flatMap((token) -> this.http.call(HttpMethod.POST, uri, token, null))
			.doOnNext((response) -> {
				if (response.status() != 200) {
					this.measurements.error(answer + ":" + Failures.kind(response));
				}
			})
			.onErrorResume((ex) -> {
				this.measurements.error(answer + ":" + Failures.kind(ex));
				return Mono.empty();
			})
			.then();
	}

	/** The proposals one ticket was answered, and when the latest arrived. */
	private static final class Proposals {

		final Set<String> answered = ConcurrentHashMap.newKeySet();

		volatile long lastAt;

	}

	/** Follows the ticket on its group's multi-ticket stream, as a game back end would. */
	private Mono<Matched> followInGroup(long index, int instance, String pool, String ticketId, List<String> players,
			long intendedNanos) {
		Proposals proposals = new Proposals();
		return this.groups.follow(index, ticketId)
			.concatMap((ticket) -> answerIfProposed(instance, ticketId, players, ticket, proposals, intendedNanos)
				.thenReturn(ticket))
			.filter((ticket) -> !"PROPOSED".equals(ticket.path("state").asString()))
			.concatMap((ticket) -> terminal(pool, ticketId, players, ticket, intendedNanos))
			.next();
	}

	/** The ticket's stream on the {@code attempt}-th instance in turn: a reconnection goes to the next one. */
	private URI eventsOn(int attempt, String ticketId) {
		return this.instances.get(attempt % this.instances.size()).resolve("/v1/tickets/" + ticketId + "/events");
	}

	private Mono<Matched> terminal(String pool, String ticketId, List<String> players, JsonNode ticket,
			long intendedNanos) {
		long now = System.nanoTime();
		String state = ticket.path("state").asString();
		if (!this.ledger.terminal(ticketId, state) || !"MATCHED".equals(state)) {
			return Mono.empty();
		}
		JsonNode match = ticket.path("match");
		Set<String> participants = new HashSet<>();
		for (JsonNode participant : match.path("participants")) {
			participants.add(participant.path("id").asString());
		}
		String matchId = match.path("id").asString();
		if (this.ledger.matched(ticketId, matchId, participants)) {
			this.measurements.match(now);
			this.pools.matched(pool, System.currentTimeMillis());
		}
		this.measurements.latency(LatencyNames.CREATE_TO_TOKEN, intendedNanos, now);
		this.measurements.matchedTicket(now);
		Map<String, String> tokens = new LinkedHashMap<>();
		match.path("tokens").properties().forEach((entry) -> tokens.put(entry.getKey(), entry.getValue().asString()));
		return Mono.just(new Matched(ticketId, matchId, players, tokens, now));
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
		URI ticket = this.tickets.resolve("/v1/tickets/" + matched.ticketId());
		return this.tokens.own(player)
			.flatMap((token) -> this.http.playerCall(HttpMethod.GET, ticket, token, null))
			.onErrorMap((ex) -> {
				this.measurements.error("view:" + Failures.kind(ex));
				return new Failures.Counted();
			})
			.flatMap((response) -> {
				String matchToken = (response.status() == 200)
						? this.json.readTree(response.body()).path("match").path("tokens").path(player).asString("") : "";
				if (matchToken.isEmpty()) {
					this.measurements.error("view:" + Failures.kind(response));
					return Mono.error(new Failures.Counted());
				}
				return Mono.just(new MatchToken(matchToken, System.nanoTime()));
			});
	}

	private Mono<Void> allocateOne(Matched matched, String playerId, String matchToken, long tokenNanos,
			long intendedNanos) {
		long giveUpAt = System.nanoTime() + ALLOCATION_PATIENCE.toNanos();
		return Mono.defer(() -> this.http.call(HttpMethod.POST, this.allocations, matchToken, null))
			.onErrorMap((ex) -> {
				this.measurements.error("allocate:" + Failures.kind(ex));
				return new Failures.Counted();
			})
			.flatMap((response) -> {
				long now = System.nanoTime();
				if (response.status() == 200) {
					this.measurements.latency(LatencyNames.CREATE_TO_ALLOCATION, intendedNanos, now);
					this.measurements.latency(LatencyNames.TOKEN_TO_ALLOCATION, intendedNanos, tokenNanos, now);
					this.measurements.allocated(now);
					this.fleet.admit(matched.matchId(), playerId);
					return Mono.<Void>empty();
				}
				this.measurements.error("allocate:" + Failures.kind(response));
				if (response.status() == 503 && now < giveUpAt) {
					return Mono.error(new Failures.RetryAfter(Failures.retryAfter(response)));
				}
				return Mono.error(new Failures.Counted());
			})
			.retryWhen(Failures.AFTER_RETRY_AFTER);
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
