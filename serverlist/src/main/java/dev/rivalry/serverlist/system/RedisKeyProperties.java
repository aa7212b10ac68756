package dev.rivalry.serverlist.system;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Redis key prefix every Rivalry service shares ({@code rivalry.redis.key-prefix}), so
 * tenants or test runs on one server never meet.
 *
 * @param keyPrefix prepended to every key and channel
 */
@Validated
@ConfigurationProperties("rivalry.redis")
record RedisKeyProperties(@DefaultValue("rivalry:") @NotNull String keyPrefix) {
}
