package dev.rivalry.limits;

import java.time.Duration;

import dev.rivalry.redis.RivalryRedisProperties;
import dev.rivalry.web.ProblemResponses;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The limits' parts, for a service to import ({@code @Import(LimitsConfiguration.class)})
 * and wire into its own filters with {@link LimitFilters}: the service decides which limits
 * apply where. Not an
 * auto-configuration, so a service without limits (the match engine, sharing standalone's
 * classpath) opens no connection for them.
 * <p>
 * The buckets use their own Lettuce connection on the client Spring Data Redis made, so
 * they reach the same Redis with the same settings ({@code spring.data.redis.*}); their keys
 * start with {@code rivalry.redis.key-prefix}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClientAddressProperties.class)
public class LimitsConfiguration {

	/** How long a check waits for Redis before the request is let through unchecked. */
	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);

	@Bean
	LimitMetrics limitMetrics(MeterRegistry registry) {
		return new LimitMetrics(registry);
	}

	@Bean(destroyMethod = "close")
	RateLimiter rateLimiter(LettuceConnectionFactory connections, RivalryRedisProperties redis, LimitMetrics metrics) {
		return RateLimiter.connect(connections.getRequiredNativeClient(), redis.keyPrefix(), REQUEST_TIMEOUT,
				metrics);
	}

	@Bean
	Leases leases(ReactiveStringRedisTemplate redis, RivalryRedisProperties properties, LimitMetrics metrics) {
		return new Leases(redis, properties.keyPrefix(), metrics);
	}

	@Bean
	ClientAddresses clientAddresses(ClientAddressProperties properties) {
		return new ClientAddresses(properties);
	}

	@Bean
	LimitFilters limitFilters(RateLimiter rateLimiter, ClientAddresses clientAddresses, ProblemResponses problems,
			LimitMetrics metrics, MeterRegistry registry) {
		return new LimitFilters(rateLimiter, clientAddresses, problems, metrics, registry);
	}

}
