package dev.rivalry.tickets.autoconfigure;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where tickets live in Redis, shared by every service that reads or writes them.
 *
 * @param keyPrefix prepended to every key and channel, so tenants or test runs sharing a
 * server never meet
 * @param ticketRetention how long a ticket stays readable after it reached a terminal
 * state (and after its expiry time)
 * @param matchRetention how long a formed match stays readable: at least as long as its
 * results may take to come in (the report token's lifetime)
 */
@Validated
@ConfigurationProperties("rivalry.redis")
public record TicketsProperties(@DefaultValue("rivalry:") @NotNull String keyPrefix,
		@DefaultValue("10m") @NotNull Duration ticketRetention, @DefaultValue("6h") @NotNull Duration matchRetention) {
}
