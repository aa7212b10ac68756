package dev.rivalry.serverlist.client;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.rivalry.tokens.AllocationClaims;
import dev.rivalry.tokens.Participant;
import dev.rivalry.tokens.PartyNames;
import dev.rivalry.tokens.Rejected;
import dev.rivalry.tokens.RemoteJwks;
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
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * A minimal game server speaking the serverlist's protocol (docs/server-integration.md): it
 * registers with a fleet key, heartbeats, listens for allocations, verifies players'
 * allocation tokens locally against the serverlist's JWKS, confirms the start once every
 * expected player is in (the answer is the match's report token), posts the results to the
 * matchmaker with that report token and becomes ready again. Used by the end-to-end tests and by demos; it runs no game.
 *
 * <p>Thread-safe. {@link #start()} once, {@link #close()} when done (closing does not
 * deregister: call {@link #deregister()} first for a clean leave).
 */
public final class ReferenceGameServer implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ReferenceGameServer.class);

	private final Builder settings;

	private final ServerlistClient client;

	private final TokenVerifier verifier;

	private final JsonMapper json = new JsonMapper();

	private final Sinks.Many<Allocation> allocations = Sinks.many().replay().limit(32);

	private final Sinks.Many<Allocation> backfills = Sinks.many().replay().limit(32);

	private final Set<String> admitted = ConcurrentHashMap.newKeySet();

	private final Disposable.Composite running = Disposables.composite();

	private volatile ServerlistClient.Registration registration;

	private volatile Allocation current;

	/** The report token of the match whose start was confirmed last. */
	private volatile Started started;

	private ReferenceGameServer(Builder settings) {
		this.settings = settings;
		this.client = new ServerlistClient(settings.webClient, settings.serverlist, settings.matchmaker);
		URI jwks = settings.serverlist.resolve("/.well-known/jwks.json");
		this.verifier = TokenVerifier.builder()
			.names(settings.names)
			.remoteKeys(settings.names.serverlist(), RemoteJwks.builder(jwks).refetchInterval(Duration.ofSeconds(1)).build())
			.build();
	}

	/**
	 * @param serverlist the serverlist's base URL, e.g. {@code http://serverlist:8081}
	 * @return a builder
	 */
	public static Builder builder(URI serverlist) {
		return new Builder(serverlist);
	}

	/**
	 * Registers, then heartbeats and listens for allocations (reconnecting when the stream
	 * drops) until closed.
	 * @return completes once registered and the event stream is connected
	 */
	public Mono<Void> start() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("address", this.settings.address);
		body.put("region", this.settings.region);
		if (this.settings.game != null) {
			body.put("game", this.settings.game);
		}
		body.put("labels", this.settings.labels);
		return this.client.register(this.settings.fleetKey, body).flatMap((registered) -> {
			this.registration = registered;
			logger.info("Registered as server {}", registered.id());
			Sinks.Empty<Void> connected = Sinks.empty();
			this.running.add(heartbeats().subscribe());
			this.running.add(events(connected).subscribe());
			return connected.asMono();
		});
	}

	/** @return the id the serverlist gave this server */
	public String id() {
		return registration().id();
	}

	/** @return every allocation received (the last 32 are replayed to a new subscriber) */
	public Flux<Allocation> allocations() {
		return this.allocations.asFlux();
	}

	/**
	 * @return the current match each time players joined it through a backfill (its
	 * participants are the grown roster; the last 32 are replayed to a new subscriber)
	 */
	public Flux<Allocation> backfills() {
		return this.backfills.asFlux();
	}

	/**
	 * Asks the matchmaker for players for the running match (after its start was confirmed:
	 * the report token is the credential). Asking again replaces the open request.
	 * @param slots players wanted per team, {@code team} numbered from 1 in the match's team order
	 * @param ttl how long to search
	 * @return the backfill as the matchmaker shows it ({@code id}, {@code state}, …)
	 */
	public Mono<Map<String, Object>> requestBackfill(List<Map<String, Integer>> slots, Duration ttl) {
		return started().flatMap((start) -> this.client.backfill(start.matchId(), start.reportToken(),
				Map.of("slots", slots, "ttl", ttl.toSeconds() + "s")));
	}

	/**
	 * @param backfillId a backfill this server opened for its running match
	 * @return the backfill as the matchmaker shows it now
	 */
	public Mono<Map<String, Object>> readBackfill(String backfillId) {
		return started().flatMap((start) -> this.client.readBackfill(backfillId, start.reportToken()));
	}

	/** @return the allocation being played or waited for, if any */
	public Optional<Allocation> currentAllocation() {
		return Optional.ofNullable(this.current);
	}

	/**
	 * Lets a player in: the allocation token must verify locally (kind allocation, issuer the
	 * serverlist, audience this server) and name the current match. Once every participant is
	 * in, the start is confirmed to the serverlist.
	 * @param allocationToken the token the player got from {@code POST /v1/allocations}
	 * @return the player's claims, or a {@link Refused} error
	 */
	public Mono<AllocationClaims> admit(String allocationToken) {
		return this.verifier.verify(allocationToken, TokenKind.ALLOCATION, id()).flatMap((result) -> {
			if (result instanceof Rejected<AllocationClaims> rejected) {
				return Mono.error(new Refused("allocation token rejected: " + rejected.reason().tag()));
			}
			AllocationClaims claims = ((Verified<AllocationClaims>) result).claims();
			Allocation allocation = this.current;
			if (allocation == null || !allocation.matchId().equals(claims.matchId())) {
				return Mono.error(new Refused("match " + claims.matchId() + " is not this server's current match"));
			}
			this.admitted.add(claims.playerId());
			boolean everyone = allocation.participants().stream().map(Participant::id).allMatch(this.admitted::contains);
			return everyone ? confirmStart(allocation.matchId()).thenReturn(claims) : Mono.just(claims);
		});
	}

	/**
	 * Confirms the start of a match to the serverlist (before its {@code startBy}) and keeps
	 * the report token it answers for {@link #reportResults}. Asking again for the match being
	 * played answers a report token again.
	 * @param matchId the match
	 * @return the match's report token; an error when the serverlist refused (e.g. a 409 when
	 * the allocation expired: then there is no report token)
	 */
	public Mono<String> confirmStart(String matchId) {
		return this.client.started(id(), credential(), matchId)
			.doOnNext((reportToken) -> this.started = new Started(matchId, reportToken));
	}

	/**
	 * Posts the results of the current match to the matchmaker with the report token its start
	 * confirmation answered.
	 * @param ranks one rank per team, in the match's team order (1 is best; equal ranks draw)
	 * @return completes when the matchmaker accepted them
	 */
	public Mono<Void> reportResults(List<Integer> ranks) {
		Allocation allocation = this.current;
		if (allocation == null) {
			return Mono.error(new IllegalStateException("No match to report"));
		}
		Started start = this.started;
		if (start == null || !start.matchId().equals(allocation.matchId())) {
			return Mono.error(new IllegalStateException(
					"Match " + allocation.matchId() + " was not started: there is no report token for it"));
		}
		return this.client.results(allocation.matchId(), start.reportToken(), ranks);
	}

	/** Tells the serverlist the match is over and this server is ready for the next one. */
	public Mono<Void> ready() {
		return this.client.ready(id(), credential()).doOnSuccess((done) -> {
			this.current = null;
			this.started = null;
			this.admitted.clear();
		});
	}

	/** Leaves the serverlist. */
	public Mono<Void> deregister() {
		return this.client.deregister(id(), credential());
	}

	/** Stops heartbeating and listening; the serverlist will find this server silent. */
	@Override
	public void close() {
		this.running.dispose();
		this.allocations.tryEmitComplete();
		this.backfills.tryEmitComplete();
	}

	private Flux<ServerlistClient.Heartbeat> heartbeats() {
		Duration period = this.settings.heartbeatPeriod;
		return Flux.interval(period, period)
			.onBackpressureDrop()
			.concatMap((tick) -> this.client.heartbeat(id(), credential())
				.flatMap(this::recoverIfIdle)
				// One policy: a failed heartbeat is logged; the next one may get through.
				.onErrorResume((ex) -> {
					logger.warn("Heartbeat of server {} failed: {}", id(), ex.toString());
					return Mono.empty();
				}), 0);
	}

	/** A server found UNHEALTHY that runs no match says it is ready again. */
	private Mono<ServerlistClient.Heartbeat> recoverIfIdle(ServerlistClient.Heartbeat heartbeat) {
		if ("UNHEALTHY".equals(heartbeat.state()) && this.current == null) {
			return ready().thenReturn(heartbeat);
		}
		return Mono.just(heartbeat);
	}

	private Flux<ServerSentEvent<String>> events(Sinks.Empty<Void> connected) {
		return Flux.defer(() -> this.client.events(id(), credential()))
			.doOnNext((event) -> handle(event, connected))
			.takeUntil((event) -> "removed".equals(event.event()))
			// Reconnect after a dropped stream; a pending allocation is delivered again on connect.
			.repeatWhen((completions) -> completions.delayElements(Duration.ofMillis(500)))
			.retryWhen(Retry.fixedDelay(Long.MAX_VALUE, Duration.ofMillis(500))
				.filter((ex) -> !(ex instanceof WebClientResponseException.NotFound)));
	}

	private void handle(ServerSentEvent<String> event, Sinks.Empty<Void> connected) {
		if ("connected".equals(event.comment())) {
			connected.tryEmitEmpty();
		}
		else if ("allocation".equals(event.event())) {
			Allocation allocation = this.json.readValue(event.data(), Allocation.class);
			if (this.current == null || !this.current.matchId().equals(allocation.matchId())) {
				this.admitted.clear();
			}
			this.current = allocation;
			this.allocations.tryEmitNext(allocation);
		}
		else if ("backfill".equals(event.event())) {
			Allocation current = this.current;
			Map<?, ?> data = this.json.readValue(event.data(), Map.class);
			if (current != null && current.matchId().equals(data.get("matchId"))) {
				Participant[] roster = this.json.convertValue(data.get("participants"), Participant[].class);
				Allocation grown = new Allocation(current.matchId(), List.of(roster), current.config(), current.startBy());
				this.current = grown;
				this.backfills.tryEmitNext(grown);
			}
		}
		else if ("allocation-expired".equals(event.event())) {
			this.current = null;
			this.admitted.clear();
		}
	}

	/** The running match's start, whose report token is the credential of its backfills. */
	private Mono<Started> started() {
		Started start = this.started;
		return (start != null) ? Mono.just(start)
				: Mono.error(new IllegalStateException("No started match: there is no report token to ask with"));
	}

	private ServerlistClient.Registration registration() {
		ServerlistClient.Registration registered = this.registration;
		if (registered == null) {
			throw new IllegalStateException("Not registered yet: start() first");
		}
		return registered;
	}

	private String credential() {
		return registration().token();
	}

	/** A match whose start the serverlist confirmed, with the report token it answered. */
	private record Started(String matchId, String reportToken) {

		@Override
		public String toString() {
			return "Started[matchId=" + this.matchId + "]";
		}

	}

	/** A player the server does not let in. */
	public static final class Refused extends RuntimeException {

		Refused(String message) {
			super(message);
		}

	}

	/** Settings of a {@link ReferenceGameServer}; not thread-safe. */
	public static final class Builder {

		private final URI serverlist;

		private URI matchmaker;

		private String fleetKey = "dev-fleet-key";

		private String address = "127.0.0.1:7777";

		private String region = "local";

		private String game;

		private Map<String, String> labels = Map.of();

		private Duration heartbeatPeriod = Duration.ofSeconds(5);

		private PartyNames names = PartyNames.defaults();

		private WebClient.Builder webClient = WebClient.builder();

		private Builder(URI serverlist) {
			this.serverlist = Objects.requireNonNull(serverlist, "serverlist must not be null");
		}

		/** @param matchmaker the matchmaker's base URL, for posting results */
		public Builder matchmaker(URI matchmaker) {
			this.matchmaker = matchmaker;
			return this;
		}

		/** @param fleetKey the key of the fleet to register in (default: the development key) */
		public Builder fleetKey(String fleetKey) {
			this.fleetKey = Objects.requireNonNull(fleetKey);
			return this;
		}

		/** @param address where players connect, {@code host:port} */
		public Builder address(String address) {
			this.address = Objects.requireNonNull(address);
			return this;
		}

		/** @param region where this server runs */
		public Builder region(String region) {
			this.region = Objects.requireNonNull(region);
			return this;
		}

		/** @param game the game it runs, or {@code null} for the serverlist's default game */
		public Builder game(String game) {
			this.game = game;
			return this;
		}

		/** @param labels what it offers */
		public Builder labels(Map<String, String> labels) {
			this.labels = Map.copyOf(labels);
			return this;
		}

		/** @param period how often to heartbeat: the serverlist's {@code heartbeat.period} */
		public Builder heartbeatPeriod(Duration period) {
			this.heartbeatPeriod = Objects.requireNonNull(period);
			return this;
		}

		/** @param names the parties' names, if the deployment renamed them */
		public Builder names(PartyNames names) {
			this.names = Objects.requireNonNull(names);
			return this;
		}

		/** @param webClient the client builder to use (a clone is taken) */
		public Builder webClient(WebClient.Builder webClient) {
			this.webClient = Objects.requireNonNull(webClient);
			return this;
		}

		public ReferenceGameServer build() {
			return new ReferenceGameServer(this);
		}

	}

}
