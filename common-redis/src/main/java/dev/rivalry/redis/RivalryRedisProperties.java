package dev.rivalry.redis;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code rivalry.redis.*}: what every Rivalry service's keys share, bound here and only here
 * (tickets, backfills, servers, ratings and limits all read this record).
 *
 * @param keyPrefix prepended to every key and channel, so tenants or test runs sharing a
 * server never meet
 * @param ticketRetention how long a ticket stays readable after it reached a terminal
 * state (and after its expiry time)
 * @param matchRetention how long a formed match (and the record that its result was
 * applied to ratings) stays readable: at least as long as its results may take to come in
 * (the report token's lifetime)
 */
@Validated
@ConfigurationProperties("rivalry.redis")
public record RivalryRedisProperties(@DefaultValue("rivalry:") @NotBlank String keyPrefix,
		@DefaultValue("10m") @NotNull Duration ticketRetention, @DefaultValue("6h") @NotNull Duration matchRetention) {
}
