package dev.rivalry.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import dev.rivalry.tokens.AllocationClaims;
import dev.rivalry.tokens.Participant;
import dev.rivalry.tokens.Rejected;
import dev.rivalry.tokens.TokenKind;
import dev.rivalry.tokens.TokenVerifier;
import dev.rivalry.tokens.Verified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A game server's side of the contract (docs/server-integration.md): it registers with a
 * fleet key, heartbeats on a schedule, follows its event stream (reconnecting with
 * {@code Last-Event-ID}), verifies players' allocation tokens locally against the
 * serverlist's JWKS, confirms the start once every expected player is in (the answer is
 * the match's report token), asks for backfills and reports results with that token, and
 * says it is ready again. It runs no game: yours does, around it. Get one from
 * {@link RivalryClient#gameServer()}.
 * <p>
 * Thread safe. {@link #start()} once, {@link #close()} when done (closing does not
 * deregister: call {@link #deregister()} first for a clean leave).
 */
public final class GameServer implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(GameServer.class);

	/** How long a player's admission waits for the allocation event of its match. */
	private static final Duration ALLOCATION_WAIT = Duration.ofSeconds(10);

	private final GameServerSettings settings;

	private final ServerCalls calls;

	private final ServerStream stream;

	/** Built on first use: a server that lets nobody in by token (a load generator's) never fetches keys. */
	private final Mono<TokenVerifier> verifier;

	/** Who came in for which match: a new match starts an empty set. */
	private final AtomicReference<Admissions> admissions = new AtomicReference<>(new Admissions(""));

	private final Disposable.Composite running = Disposables.composite();

	private volatile ServerCalls.Registration registration;

	/** The report token of the match whose start was confirmed last. */
	private volatile Started started;

	GameServer(GameServerSettings settings, ServerCalls calls, ServerStream stream, Mono<TokenVerifier> verifier) {
		this.settings = settings;
		this.calls = calls;
		this.stream = stream;
		this.verifier = verifier;
	}

	/**
	 * Registers, then heartbeats and follows the event stream (reconnecting when it drops)
	 * until closed.
	 * @return completes once registered and the event stream is connected
	 */
	public Mono<Void> start() {
		return this.calls.register(this.settings.fleetKey(), registrationBody()).flatMap((registered) -> {
			this.registration = registered;
			logger.info("Registered as server {}", registered.id());
			this.running.add(heartbeats().subscribe());
			return this.stream.connect(registered, this.running);
		});
	}

	/** @return the id the serverlist gave this server; an {@link IllegalStateException} before {@link #start()} */
	public String id() {
		return registration().id();
	}

	/** @return every event of the stream as it comes (allocations, backfills, {@code started}, …), not replayed */
	public Flux<ServerEvent> events() {
		return this.stream.events();
	}

	/** @return every allocation received (the last 32 are replayed to a new subscriber) */
	public Flux<Allocation> allocations() {
		return this.stream.allocations();
	}

	/** @return the current match each time players joined it through a backfill (the grown roster; last 32 replayed) */
	public Flux<Allocation> backfills() {
		return this.stream.backfills();
	}

	/** @return the allocation being played or waited for, if any */
	public Optional<Allocation> currentAllocation() {
		return Optional.ofNullable(this.stream.current());
	}

	/**
	 * Checks a player's allocation token locally: kind allocation, issuer the serverlist,
	 * audience this server, signature by the serverlist's keys, not expired.
	 * @return the player's claims, or a {@link Refused} error
	 */
	public Mono<AllocationClaims> verify(String allocationToken) {
		return this.verifier.flatMap((verifier) -> verifier.verify(allocationToken, TokenKind.ALLOCATION, id()))
			.flatMap((result) -> (result instanceof Rejected<AllocationClaims> rejected)
					? Mono.error(new Refused("allocation token rejected: " + rejected.reason().tag()))
					: Mono.just(((Verified<AllocationClaims>) result).claims()));
	}

	/**
	 * Lets a player in: the allocation token must verify locally ({@link #verify}) and name
	 * the current match (its {@code allocation} event is waited for up to 10 s). Once every
	 * participant is in, the start is confirmed.
	 * @param allocationToken the token the player got from {@code POST /v1/allocations}
	 * @return the player's claims, or a {@link Refused} error
	 */
	public Mono<AllocationClaims> admit(String allocationToken) {
		return verify(allocationToken).flatMap((claims) -> allocated(claims.matchId()).flatMap((allocation) -> {
			Set<String> admitted = this.admissions
				.updateAndGet((now) -> now.matchId().equals(claims.matchId()) ? now : new Admissions(claims.matchId()))
				.players();
			admitted.add(claims.playerId());
			boolean everyone = allocation.participants().stream().map(Participant::id).allMatch(admitted::contains);
			return everyone ? confirmStart(allocation.matchId()).thenReturn(claims) : Mono.just(claims);
		}));
	}

	/**
	 * The current allocation when it is this match's. A player may connect a moment before
	 * the server's {@code allocation} event arrives (both follow the same allocation): it
	 * waits for it a little.
	 */
	private Mono<Allocation> allocated(String matchId) {
		Allocation current = this.stream.current();
		if (current != null && current.matchId().equals(matchId)) {
			return Mono.just(current);
		}
		return this.stream.allocations()
			.filter((allocation) -> allocation.matchId().equals(matchId))
			.next()
			.timeout(ALLOCATION_WAIT, Mono.empty())
			.mapNotNull((allocation) -> this.stream.current())
			.filter((now) -> now.matchId().equals(matchId))
			.switchIfEmpty(Mono.error(() -> new Refused("match " + matchId + " is not this server's current match")));
	}

	/**
	 * Confirms the start of a match (before its {@code startBy}) and keeps the report token
	 * it answers for {@link #reportResults} and backfills. Asking again for the match being
	 * played answers a report token again.
	 * @return the match's report token; a {@link ProblemException} when refused (e.g.
	 * {@code 409 not-allocated-to-match} when the allocation expired: then do not run the match)
	 */
	public Mono<String> confirmStart(String matchId) {
		return Mono.defer(() -> this.calls.started(registration(), matchId))
			.doOnNext((reportToken) -> this.started = new Started(matchId, reportToken));
	}

	/**
	 * Asks the matchmaker for players for the running match (after its start: the report
	 * token is the credential). Asking again replaces the open request.
	 * @param slots players wanted per team, teams numbered from 1 in the match's team order
	 * @param ttl how long to search (1 s to 10 min)
	 */
	public Mono<Backfill> requestBackfill(List<Backfill.Slot> slots, Duration ttl) {
		return started().flatMap((start) -> this.calls.backfill(start.matchId(), start.reportToken(),
				Backfill.Request.of(slots, ttl)));
	}

	/** @return a backfill of the running match as the matchmaker shows it now */
	public Mono<Backfill> backfill(String backfillId) {
		return started().flatMap((start) -> this.calls.readBackfill(backfillId, start.reportToken()));
	}

	/** Stops a backfill of the running match; {@code 409 backfill-not-open} when it already ended. */
	public Mono<Void> cancelBackfill(String backfillId) {
		return started().flatMap((start) -> this.calls.cancelBackfill(backfillId, start.reportToken()));
	}

	/**
	 * Posts the results of the started match to the matchmaker, once. After a {@code 503}
	 * it asks again after the {@code Retry-After}; a {@code 409} then means the first went through.
	 * @param ranks one rank per team, in the match's team order (1 is best; equal ranks draw)
	 * @return completes when the matchmaker accepted them; {@code 409 result-already-reported} for a second report
	 */
	public Mono<Void> reportResults(List<Integer> ranks) {
		return started().flatMap((start) -> this.calls.results(start.matchId(), start.reportToken(), ranks));
	}

	/** Tells the serverlist the match is over (or given back) and this server is ready for the next one. */
	public Mono<Void> ready() {
		return Mono.defer(() -> this.calls.ready(registration())).doOnSuccess((done) -> {
			this.stream.clearCurrent();
			this.started = null;
			this.admissions.set(new Admissions(""));
		});
	}

	/** Leaves the serverlist. */
	public Mono<Void> deregister() {
		return Mono.defer(() -> this.calls.deregister(registration()));
	}

	/** Stops heartbeating and following events; the serverlist will find this server silent. */
	@Override
	public void close() {
		this.running.dispose();
		this.stream.close();
	}

	private Map<String, Object> registrationBody() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("address", this.settings.address());
		body.put("region", this.settings.region());
		if (this.settings.game() != null) {
			body.put("game", this.settings.game());
		}
		body.put("labels", this.settings.labels());
		return body;
	}

	private Flux<ServerCalls.Heartbeat> heartbeats() {
		Duration period = this.settings.heartbeatPeriod();
		return Flux.interval(period, period)
			.onBackpressureDrop()
			.concatMap((tick) -> this.calls.heartbeat(registration())
				.flatMap(this::recoverIfIdle)
				// One policy: a failed heartbeat is logged; the next one may get through.
				.onErrorResume((ex) -> {
					logger.warn("Heartbeat of server {} failed: {}", id(), ex.toString());
					return Mono.empty();
				}), 0);
	}

	/** A server found UNHEALTHY that runs no match says it is ready again. */
	private Mono<ServerCalls.Heartbeat> recoverIfIdle(ServerCalls.Heartbeat heartbeat) {
		if ("UNHEALTHY".equals(heartbeat.state()) && this.stream.current() == null) {
			// Only the serverlist's state: an allocation that arrived meanwhile stays this server's to play.
			return this.calls.ready(registration()).thenReturn(heartbeat);
		}
		return Mono.just(heartbeat);
	}

	/** The started match, whose report token is the credential of its backfills and result. */
	private Mono<Started> started() {
		Started start = this.started;
		return (start != null) ? Mono.just(start)
				: Mono.error(new IllegalStateException("No started match: there is no report token to ask with"));
	}

	private ServerCalls.Registration registration() {
		ServerCalls.Registration registered = this.registration;
		if (registered == null) {
			throw new IllegalStateException("Not registered yet: start() first");
		}
		return registered;
	}

	/** A match whose start the serverlist confirmed, with the report token it answered. */
	private record Started(String matchId, String reportToken) {

		@Override
		public String toString() {
			return "Started[matchId=" + this.matchId + "]";
		}

	}

	/** The players let in to one match. */
	private record Admissions(String matchId, Set<String> players) {

		Admissions(String matchId) {
			this(matchId, ConcurrentHashMap.newKeySet());
		}

	}

	/** A player the server does not let in. */
	public static final class Refused extends RuntimeException {

		Refused(String message) {
			super(message);
		}

	}

}
