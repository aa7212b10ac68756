package dev.rivalry.engine.system;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/**
 * The match engine's settings ({@code rivalry.engine.*}). Profiles, tokens and the Redis
 * key layout have their own prefixes in the shared modules.
 *
 * @param idleCommitInterval how often, while no records arrive, the low-water marks are
 * committed (so matches formed since the last batch shorten a successor's replay)
 * @param retryBackoff how long a batch that could not be applied (Redis unreachable) waits
 * before it is applied again; it is never skipped
 */
@Validated
@ConfigurationProperties("rivalry.engine")
public record EngineProperties(@DefaultValue("1s") @NotNull Duration idleCommitInterval,
		@DefaultValue("1s") @NotNull Duration retryBackoff) {
}
