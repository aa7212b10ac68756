package dev.rivalry.redis.autoconfigure;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

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

	private static final Logger logger = LoggerFactory.getLogger(RedisClientAutoConfiguration.class);

	/**
	 * Makes the service's shared Redis connection at start-up, on the main thread. Made
	 * lazily, the first command ran the connect (a blocking wait for the handshake) on
	 * whichever thread sent it: an event loop, or a sweep's parallel thread (BlockHound
	 * caught that). If Redis is away now, the service starts anyway and the first command
	 * connects later, as before.
	 */
	@Bean
	SmartInitializingSingleton rivalrySharedRedisConnection(ObjectProvider<LettuceConnectionFactory> factories) {
		return () -> factories.orderedStream().forEach((factory) -> {
			// Asking for a reactive connection makes the shared one; nothing is reset, so a bean
			// that already holds a connection keeps it. Closing the wrapper leaves the shared
			// connection to the factory.
			try (ReactiveRedisConnection connection = factory.getReactiveConnection()) {
				logger.debug("Shared Redis connection made at start-up: {}", connection);
			}
			catch (RuntimeException ex) {
				logger.warn("Redis not reachable at start-up; the first command will connect: {}", ex.toString());
			}
		});
	}

	@Bean
	LettuceClientOptionsBuilderCustomizer rivalryLettuceClientOptions() {
		return (options) -> options.publishOnScheduler(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

}
