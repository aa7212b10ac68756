package dev.rivalry.redis.autoconfigure;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The Lettuce client options every Rivalry service runs with.
 *
 * <p>Lettuce completes a reactive command on its connection's I/O thread, and a service
 * shares one connection: whatever a pipeline does next (decode a ticket, sign a match
 * token, verify an allocation) ran on that thread and held every other command's answer
 * behind it. Under load, one thread of the matchmaker spent most of its time signing
 * tokens while creates waited for their scripts' answers (docs/benchmarks.md).
 * {@code publishOnScheduler} hands each result to Lettuce's computation threads instead,
 * so the I/O thread only reads and writes.
 *
 * <p>While a connection is down (a Redis restart), commands are rejected at once instead of
 * queued until the command timeout: callers answer {@code 503} or retry ({@code StoreOutages},
 * docs/reliability.md) rather than pile up requests in memory. Lettuce reconnects by itself,
 * and re-subscribes pub/sub connections.
 */
@AutoConfiguration
@ConditionalOnClass({ RedisClient.class, LettuceClientOptionsBuilderCustomizer.class })
public class RedisClientAutoConfiguration {

	@Bean
	LettuceClientOptionsBuilderCustomizer rivalryLettuceClientOptions() {
		return (options) -> options.publishOnScheduler(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

}
