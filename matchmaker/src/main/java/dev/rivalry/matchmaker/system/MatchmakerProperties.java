package dev.rivalry.matchmaker.system;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import dev.rivalry.profiles.PoolKey;

import org.hibernate.validator.constraints.time.DurationMax;
import dev.rivalry.profiles.PoolKey;

import org.hibernate.validator.constraints.time.DurationMin;

import dev.rivalry.limits.Rate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The matchmaker's settings ({@code rivalry.matchmaker.*}). Tokens, profiles and the Redis
 * key layout have their own prefixes in the shared modules.
 *
 * @param heartbeat how often an idle event stream sends a comment, so proxies keep it open
 * @param expiry how tickets past their time to live are moved to {@code EXPIRED}
 * @param limits bounds on what one ticket may carry
 * @param dashboard the live dashboard at {@code /} of the management port, and its feed
 * @param stream how records are sent to Kafka
 * @param identity whose bearer tokens identify players and game back ends (docs/security.md)
 * @param rateLimits how many ticket calls a player, a game back end and a client address may
 * make, held across every instance (docs/configuration.md)
 * @param subscriptionProbe how often the instance checks that its pub/sub subscription
 * delivers (a message to itself): the longest a silent gap in it goes unnoticed before open
 * event streams re-read their tickets (docs/reliability.md); reconnections are noticed at once
 * @param backfill how long a game server's backfill may search (docs/backfill.md)
 * @param shedding how ticket creates this instance cannot serve quickly are refused
 * (docs/operations.md, "Load shedding")
 */
@Validated
@ConfigurationProperties("rivalry.matchmaker")
public record MatchmakerProperties(@DefaultValue("15s") @NotNull Duration heartbeat,
		@DefaultValue @Valid Expiry expiry, @DefaultValue @Valid Limits limits,
		@DefaultValue @Valid Dashboard dashboard, @DefaultValue @Valid Stream stream,
		@DefaultValue @Valid Identity identity, @DefaultValue @Valid RateLimits rateLimits,
		@DefaultValue("1s") @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 1) Duration subscriptionProbe,
		@DefaultValue @Valid Backfill backfill, @DefaultValue @Valid Shedding shedding) {

	/**
	 * Load shedding of {@code POST /v1/tickets}: an adaptive limit on the creates in flight on
	 * this instance, driven by the latency it measures on them (the rule is
	 * {@code dev.rivalry.limits.AdaptiveLimit}). A create past the limit is answered
	 * {@code 503 overloaded} with {@code Retry-After} before its token is verified. Reads and
	 * event streams are never shed: they serve tickets already admitted.
	 *
	 * @param enabled whether creates are shed at all
	 * @param latencyTarget the create latency (from the request's arrival to its answer) the
	 * admitted creates should keep: a create slower than this shrinks the limit
	 * @param initialLimit creates in flight allowed at start
	 * @param minLimit creates in flight always allowed (so the latency keeps being measured)
	 * @param maxLimit creates in flight never exceeded
	 * @param backoff the factor one slow episode multiplies the limit by
	 * @param retryAfter what a shed create is told to wait ({@code Retry-After}, whole seconds)
	 */
	public record Shedding(@DefaultValue("true") boolean enabled,
			@DefaultValue("100ms") @NotNull @DurationMin(millis = 1) @DurationMax(minutes = 1) Duration latencyTarget,
			@DefaultValue("50") @Min(1) @Max(100_000) int initialLimit,
			@DefaultValue("4") @Min(1) @Max(100_000) int minLimit,
			@DefaultValue("1000") @Min(1) @Max(100_000) int maxLimit,
			@DefaultValue("0.9") @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1",
					inclusive = false) double backoff,
			@DefaultValue("1s") @NotNull @DurationMin(seconds = 1) @DurationMax(minutes = 5) Duration retryAfter) {

		@AssertTrue(message = "must lie between min-limit and max-limit")
		public boolean isInitialLimitBetweenMinAndMax() {
			return this.minLimit <= this.initialLimit && this.initialLimit <= this.maxLimit;
		}

	}

	/**
	 * Backfills: a server asks for players for its running match, with a time to live.
	 *
	 * @param defaultTtl the time to live of a request that names none
	 * @param maxTtl the longest time to live a request may ask for (an open backfill is held
	 * in an engine's memory and replayed after a crash until it ends)
	 */
	public record Backfill(@DefaultValue("60s") @NotNull @DurationMin(seconds = 1) Duration defaultTtl,
			@DefaultValue("10m") @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 1) Duration maxTtl) {
	}

	/**
	 * The identity providers whose tokens the ticket endpoints accept. Several may be trusted
	 * at once (a game's own accounts and a platform's, or old and new during a migration);
	 * a token is routed to its provider by its {@code iss}. With none, the matchmaker refuses
	 * to start unless {@code rivalry.development.enabled} is on.
	 *
	 * @param providers the trusted providers
	 * @param clockSkew how far {@code exp}, {@code nbf} and {@code iat} may be off; at most 5 minutes
	 * @param playerClaim the claim that holds the player id (a string)
	 * @param partyClaim the claim of a party leader's token that lists the other members
	 * (an array of player ids) who agreed to queue with it
	 * @param backendScope the scope that makes a token a trusted game back end's, which may
	 * act for any player
	 * @param keys how the providers' public keys are fetched and for how long they are trusted
	 */
	public record Identity(@DefaultValue List<@Valid @NotNull Provider> providers,
			@DefaultValue("30s") @NotNull @DurationMax(minutes = 5) Duration clockSkew,
			@DefaultValue("sub") @NotBlank String playerClaim, @DefaultValue("party") @NotBlank String partyClaim,
			@DefaultValue("rivalry:tickets") @NotBlank String backendScope, @DefaultValue @Valid Keys keys) {
	}

	/**
	 * The providers' JWKS: fetched on first use, refetched on an unknown {@code kid} and
	 * after {@code maxAge}; while a provider cannot be reached its keys keep serving until
	 * {@code expireAfter}, then its tokens are refused (503) until it is back.
	 *
	 * @param refetchInterval the least time between two fetches of one JWKS (bounds what
	 * forged {@code kid}s can make the matchmaker fetch)
	 * @param maxAge how long fetched keys are used before they are fetched again
	 * @param expireAfter how long after their last successful fetch keys stop being trusted
	 * @param timeout the bound on one fetch
	 */
	public record Keys(@DefaultValue("30s") @NotNull @DurationMin(seconds = 0) Duration refetchInterval,
			@DefaultValue("10m") @NotNull @DurationMin(seconds = 1) Duration maxAge,
			@DefaultValue("1h") @NotNull @DurationMin(seconds = 1) Duration expireAfter,
			@DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration timeout) {

		@AssertTrue(message = "must not be shorter than max-age")
		public boolean isExpireAfterNotShorterThanMaxAge() {
			return this.expireAfter == null || this.maxAge == null || this.expireAfter.compareTo(this.maxAge) >= 0;
		}

	}

	/**
	 * One trusted identity provider.
	 *
	 * @param issuer the exact {@code iss} of its tokens
	 * @param jwkSetUri where its public keys are served (may differ from the issuer, e.g. an
	 * address inside the cluster)
	 * @param audiences accepted {@code aud} values; a token must name at least one
	 * @param algorithms accepted signature algorithms; only asymmetric ones (a verifier that
	 * accepts HMAC can be fooled with the public key as the secret)
	 */
	public record Provider(@NotBlank String issuer, @NotNull URI jwkSetUri,
			@NotEmpty List<@NotBlank String> audiences,
			@DefaultValue({ "ES256", "RS256" }) @NotEmpty List<@NotNull @Pattern(regexp = "(ES|RS|PS)(256|384|512)",
					message = "must be an asymmetric JWS algorithm: ES256, RS256, PS256 (or 384, 512)") String> algorithms) {
	}

	/**
	 * A create is answered once the broker acknowledged its record (the 201 means "on
	 * Kafka"); the acknowledgement comes back through the producer's callback, so no thread
	 * waits for it. Handing a record to the producer blocks only while the producer waits
	 * for metadata (a broker away, up to {@code max.block.ms}) or for room in its buffer,
	 * so it runs on threads of its own, never on an event loop.
	 *
	 * @param sendThreads records handed to the Kafka producer at once at most; more wait in a queue
	 * @param acknowledgementTimeout how long a create waits for its record's acknowledgement
	 * at most before it is answered {@code 503}: a backstop above the producer's
	 * {@code delivery.timeout.ms} (10 s), by which the producer reports every record
	 */
	public record Stream(@DefaultValue("32") @Min(1) @Max(4096) int sendThreads,
			@DefaultValue("15s") @NotNull Duration acknowledgementTimeout) {
	}

	/**
	 * Every instance sweeps; a ticket is moved by whichever gets there first (the move is
	 * one atomic script), so no instance is special.
	 *
	 * @param interval time between sweeps
	 * @param batch tickets moved per sweep at most
	 */
	public record Expiry(@DefaultValue("1s") @NotNull Duration interval,
			@DefaultValue("500") @Min(1) @Max(10_000) int batch) {
	}

	/**
	 * Bounds on what one ticket may carry (docs/api.md, "Limits"); the rest of the ticket's
	 * schema is fixed.
	 *
	 * @param players players on one ticket at most (a party)
	 * @param attributes attributes on one ticket at most
	 * @param regions region names a ticket's latencies may name, besides the allowed values of
	 * every profile's {@code region} pool key; with neither, any well-formed name
	 */
	public record Limits(@DefaultValue("10") @Min(1) @Max(100) int players,
			@DefaultValue("32") @Min(1) @Max(64) int attributes,
			@DefaultValue List<@NotNull @Pattern(regexp = PoolKey.VALUE_FORMAT,
					message = "must be 1 to 64 letters, digits, '.', '_' or '-'") String> regions) {
	}

	/**
	 * The live dashboard (docs/dashboard.md), on the management port. Match figures come from
	 * this instance's view of every ticket change; waiting tickets and servers are read from
	 * the engines' and the serverlist's management ports, and their sections are hidden when
	 * no URL is set.
	 *
	 * @param enabled whether the page and its feed exist (the feed decodes every ticket change)
	 * @param interval time between two snapshots
	 * @param timeout how long one snapshot waits for an engine or the serverlist
	 * @param engines base URLs of the match engines' management servers (e.g.
	 * {@code http://engine-1:9082}), whose {@code GET /v1/pools} are summed
	 * @param serverlist base URL of the serverlist's management server (e.g.
	 * {@code http://serverlist:9081}), for {@code GET /v1/servers}, or none
	 * @param recentMatches how many of the latest matches are shown
	 */
	public record Dashboard(@DefaultValue("true") boolean enabled,
			@DefaultValue("1s") @NotNull @DurationMin(millis = 100) Duration interval,
			@DefaultValue("800ms") @NotNull @DurationMin(millis = 1) Duration timeout,
			@DefaultValue List<@NotNull URI> engines, URI serverlist,
			@DefaultValue("12") @Min(1) @Max(100) int recentMatches) {
	}

	/**
	 * Rate limits on the ticket endpoints, each {@code <capacity>/<period>} (a burst of
	 * {@code capacity}, refilled evenly over {@code period}), counted in Redis so they hold
	 * across every instance. Players count per player and per client address; a game back end
	 * acts for many players from few addresses, so it counts per client id only. Over a limit:
	 * {@code 429 rate-limited} with {@code Retry-After}.
	 *
	 * @param createsPerPlayer {@code POST /v1/tickets} per player
	 * @param createsPerAddress {@code POST /v1/tickets} per client address, players only
	 * @param createsPerBackend {@code POST /v1/tickets} per game back end (client id)
	 * @param readsPerPlayer every other ticket call ({@code GET}, events, {@code DELETE}) per player
	 * @param readsPerAddress every other ticket call per client address, players only
	 * @param readsPerBackend every other ticket call per game back end
	 * @param failedTokensPerAddress refused tokens ({@code 401}) per client address; once spent,
	 * every ticket call from the address is refused before its token is looked at
	 * @param streamsPerTicket event streams open at once on one ticket, across every instance
	 * @param streamLease how long a stream's place outlives its instance: a crashed
	 * instance's streams free their places after this
	 */
	public record RateLimits(@DefaultValue("20/1m") @NotNull Rate createsPerPlayer,
			@DefaultValue("300/1m") @NotNull Rate createsPerAddress,
			@DefaultValue("1000/1s") @NotNull Rate createsPerBackend,
			@DefaultValue("120/1m") @NotNull Rate readsPerPlayer,
			@DefaultValue("1200/1m") @NotNull Rate readsPerAddress,
			@DefaultValue("5000/1s") @NotNull Rate readsPerBackend,
			@DefaultValue("60/1m") @NotNull Rate failedTokensPerAddress,
			@DefaultValue("3") @Min(1) @Max(1000) int streamsPerTicket,
			@DefaultValue("30s") @NotNull @DurationMin(seconds = 1) @DurationMax(minutes = 10) Duration streamLease) {
	}

}
