package dev.rivalry.engine.system;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The match engine's settings ({@code rivalry.engine.*}). Profiles, tokens and the Redis
 * key layout have their own prefixes in the shared modules.
 *
 * @param idleCommitInterval how often, while no records arrive, the low-water marks are
 * committed (so matches formed since the last batch shorten a successor's replay)
 * @param retryBackoff how long a batch that could not be applied (Redis unreachable) waits
 * before it is applied again; it is never skipped
 * @param poolEviction when empty pools are freed
 * @param profiles the profiles whose topics this engine consumes (the operator starts one
 * engine Deployment per profile); empty for every profile of the file
 */
@Validated
@ConfigurationProperties("rivalry.engine")
public record EngineProperties(@DefaultValue("1s") @NotNull Duration idleCommitInterval,
		@DefaultValue("1s") @NotNull Duration retryBackoff, @DefaultValue @Valid PoolEviction poolEviction,
		@DefaultValue List<@Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,62}$") String> profiles) {

	/**
	 * A pool exists for every pool key a ticket brought (a region, say); one that nobody
	 * waits in is evicted after a grace period, so that keys seen once do not stay in memory,
	 * in {@code GET /v1/pools} and on the dashboard for ever. A ticket arriving later creates
	 * the pool again; only its count of matches formed starts over.
	 *
	 * @param grace how long a pool stays empty (no ticket waiting, none being written into a
	 * match) before it is evicted: long enough that a pool between two bursts keeps its
	 * figures, short enough that junk keys go soon
	 * @param interval how often the pools are looked at; a pool goes between {@code grace}
	 * and {@code grace + interval} after it emptied
	 */
	public record PoolEviction(@DefaultValue("2m") @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 24) Duration grace,
			@DefaultValue("15s") @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 10) Duration interval) {
	}

}
