package dev.rivalry.serverlist.system;

import java.time.Duration;
import java.util.Map;

import dev.rivalry.limits.Rate;
import dev.rivalry.web.development.DevelopmentMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The serverlist's settings ({@code rivalry.serverlist.*}). Tokens and the Redis key prefix
 * have their own prefixes ({@code rivalry.tokens.*}, {@code rivalry.redis.key-prefix}).
 *
 * @param fleets each fleet's name and registration key; empty means the single development
 * fleet {@value #DEV_FLEET} with the well-known key {@code dev-fleet-key}, which (like any fleet
 * with that key) stops the start unless {@code rivalry.development.enabled=true}
 * @param defaultGame the game of servers that register without one, and of matches whose
 * token has no {@code game} claim (the ADR's "original game")
 * @param heartbeat how often servers must heartbeat and when silent ones are dropped
 * @param allocation start deadlines, retention and capacity answers
 * @param sweep how often every instance looks for due health checks and deadlines
 * @param events the servers' event streams
 * @param rateLimits how many registrations and failed credentials a client address may
 * send, held across every instance (docs/configuration.md)
 */
@Validated
@ConfigurationProperties("rivalry.serverlist")
public record ServerlistProperties(
		@DefaultValue Map<@Pattern(regexp = NAME, message = "fleet names must match " + NAME) String,
				@NotNull @Size(min = 12, max = 512, message = "fleet keys must have 12 to 512 characters") String> fleets,
		@DefaultValue("default") @NotNull @Pattern(regexp = NAME) String defaultGame,
		@DefaultValue @Valid Heartbeat heartbeat, @DefaultValue @Valid Allocation allocation,
		@DefaultValue @Valid Sweep sweep, @DefaultValue @Valid Events events,
		@DefaultValue @Valid RateLimits rateLimits) {

	/** The name of the development fleet used when no fleet is configured. */
	public static final String DEV_FLEET = "dev";

	/** Names of fleets, games and regions: they become parts of Redis keys. */
	public static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

	/**
	 * @param fleets as configured, or the development fleet when none is
	 */
	public Map<String, String> effectiveFleets() {
		return this.fleets.isEmpty() ? Map.of(DEV_FLEET, DevelopmentMode.WELL_KNOWN_FLEET_KEY) : this.fleets;
	}

	/**
	 * A server that sends no heartbeat for {@code period × tolerance} becomes
	 * {@code UNHEALTHY} (no longer allocated); one silent for {@code removeAfter} is removed.
	 *
	 * @param period how often servers are expected to heartbeat
	 * @param tolerance how many periods may pass without a heartbeat
	 * @param removeAfter silence after which an unhealthy server is removed
	 */
	public record Heartbeat(@DefaultValue("5s") @NotNull @DurationMin(millis = 10) Duration period,
			@DefaultValue("3") @Min(1) @Max(100) int tolerance,
			@DefaultValue("5m") @NotNull @DurationMin(millis = 10) Duration removeAfter) {

		/** @return how long a server may stay silent and still be healthy */
		public Duration grace() {
			return this.period.multipliedBy(this.tolerance);
		}

		@AssertTrue(message = "remove-after must be longer than period × tolerance")
		public boolean isRemovedAfterUnhealthy() {
			return this.period == null || this.removeAfter == null || this.removeAfter.compareTo(grace()) > 0;
		}

	}

	/**
	 * @param startDeadline how long an allocated server has to confirm the start before the
	 * allocation expires and the match may go to another server
	 * @param retention how long a finished or expired allocation is remembered (a late call
	 * for an ended match is refused rather than given a new server)
	 * @param maxCandidates the most servers one allocation attempt considers
	 * @param retryAfter the {@code Retry-After} of a refusal for want of servers
	 */
	public record Allocation(@DefaultValue("60s") @NotNull @DurationMin(seconds = 1) Duration startDeadline,
			@DefaultValue("10m") @NotNull @DurationMin(seconds = 1) Duration retention,
			@DefaultValue("16") @Min(1) @Max(1000) int maxCandidates,
			@DefaultValue("5s") @NotNull @DurationMin(seconds = 1) Duration retryAfter) {
	}

	/**
	 * Every instance sweeps; each change is one atomic script that checks the state first,
	 * so instances sweeping at once are harmless and none is special.
	 *
	 * @param interval time between sweeps
	 * @param batch servers or allocations handled per sweep and kind at most
	 */
	public record Sweep(@DefaultValue("1s") @NotNull @DurationMin(millis = 10) Duration interval,
			@DefaultValue("500") @Min(1) @Max(10_000) int batch) {
	}

	/**
	 * @param heartbeat how often an idle event stream sends a comment, so proxies keep it open
	 * @param subscriptionProbe how often the instance checks that its pub/sub subscription
	 * delivers (a message to itself): the longest a silent gap goes unnoticed before open
	 * server streams read their server again (docs/serverlist.md); reconnections are noticed
	 * at once
	 */
	public record Events(@DefaultValue("15s") @NotNull @DurationMin(millis = 10) Duration heartbeat,
			@DefaultValue("1s") @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 1) Duration subscriptionProbe) {
	}

	/**
	 * Rate limits per client address, each {@code <capacity>/<period>} (a burst of
	 * {@code capacity}, refilled evenly over {@code period}), counted in Redis so they hold
	 * across every instance. Over a limit: {@code 429 rate-limited} with {@code Retry-After}.
	 * Game servers of one host share its address: size these for the most servers one host
	 * (or one NAT gateway) runs.
	 *
	 * @param registrationsPerAddress {@code POST /v1/servers}, whatever the outcome
	 * @param failedFleetKeysPerAddress registrations refused for their fleet key ({@code 401});
	 * once spent, every registration from the address is refused before its key is compared
	 * @param failedCredentialsPerAddress server calls refused for their credential
	 * ({@code 401}); once spent, every server call from the address is refused before its
	 * credential is verified
	 */
	public record RateLimits(@DefaultValue("120/1m") @NotNull Rate registrationsPerAddress,
			@DefaultValue("10/1m") @NotNull Rate failedFleetKeysPerAddress,
			@DefaultValue("120/1m") @NotNull Rate failedCredentialsPerAddress) {
	}

}
