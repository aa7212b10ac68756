package dev.rivalry.limits;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.rivalry.testsupport.RedisEndpoint;
import dev.rivalry.testsupport.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bucket4j's buckets in the real test Redis, through two limiters on two clients, as two
 * instances would hold them.
 */
class RateLimiterIntegrationTests {

	static RedisClient clientA;

	static RedisClient clientB;

	static RateLimiter instanceA;

	static RateLimiter instanceB;

	static SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@BeforeAll
	static void connect() {
		RedisEndpoint redis = TestRedis.get();
		clientA = RedisClient.create(RedisURI.create(redis.host(), redis.port()));
		clientB = RedisClient.create(RedisURI.create(redis.host(), redis.port()));
		LimitMetrics metrics = new LimitMetrics(registry);
		instanceA = RateLimiter.connect(clientA, redis.keyPrefix(), Duration.ofSeconds(1), metrics);
		instanceB = RateLimiter.connect(clientB, redis.keyPrefix(), Duration.ofSeconds(1), metrics);
	}

	@AfterAll
	static void close() throws Exception {
		instanceA.close();
		instanceB.close();
		clientA.shutdown();
		clientB.shutdown();
	}

	@Test
	void aBucketIsSharedByEveryInstance() {
		Limit limit = new Limit("shared-" + suffix(), Rate.valueOf("3/1m"));
		assertThat(take(instanceA, limit, "alice")).isEqualTo(Verdict.ALLOWED);
		assertThat(take(instanceB, limit, "alice")).isEqualTo(Verdict.ALLOWED);
		assertThat(take(instanceA, limit, "alice")).isEqualTo(Verdict.ALLOWED);

		Verdict fourth = take(instanceB, limit, "alice");
		assertThat(fourth).isInstanceOf(Verdict.Refused.class);
		RateLimited problem = ((Verdict.Refused) fourth).problem();
		assertThat(problem.limit()).isEqualTo(limit.name());
		// One request comes back every 20 s.
		assertThat(problem.retryAfter()).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(20));
		assertThat(problem.getHeaders().getFirst("Retry-After")).isIn("16", "17", "18", "19", "20");
		assertThat(problem.getBody().getProperties()).containsEntry("limit", limit.name());
		assertThat(registry.counter("rivalry.limits.refused", "limit", limit.name()).count()).isEqualTo(1);

		assertThat(take(instanceA, limit, "bob")).as("another key, another bucket").isEqualTo(Verdict.ALLOWED);
	}

	@Test
	void peekingTakesNothingAndSpendingTakesOne() {
		Limit limit = new Limit("failures-" + suffix(), Rate.valueOf("2/1m"));
		assertThat(peek(instanceA, limit, "198.51.100.1")).isEqualTo(Verdict.ALLOWED);
		assertThat(peek(instanceA, limit, "198.51.100.1")).isEqualTo(Verdict.ALLOWED);
		assertThat(peek(instanceA, limit, "198.51.100.1")).isEqualTo(Verdict.ALLOWED);
		StepVerifier.create(instanceA.spend(limit, "198.51.100.1")).verifyComplete();
		StepVerifier.create(instanceB.spend(limit, "198.51.100.1")).verifyComplete();
		// Spending from an empty bucket is no error.
		StepVerifier.create(instanceB.spend(limit, "198.51.100.1")).verifyComplete();
		assertThat(peek(instanceB, limit, "198.51.100.1")).isInstanceOf(Verdict.Refused.class);
	}

	@Test
	void aSpentRequestComesBackAfterItsShareOfThePeriod() {
		Limit limit = new Limit("refill-" + suffix(), Rate.valueOf("1/300ms"));
		assertThat(take(instanceA, limit, "carol")).isEqualTo(Verdict.ALLOWED);
		assertThat(take(instanceA, limit, "carol")).isInstanceOf(Verdict.Refused.class);
		StepVerifier.create(Mono.delay(Duration.ofMillis(350)).then(instanceB.take(limit, "carol")))
			.expectNext(Verdict.ALLOWED)
			.verifyComplete();
	}

	@Test
	void aHotKeyLetsExactlyItsCapacityThroughWhenHammeredFromTwoInstances() {
		Limit limit = new Limit("hot-" + suffix(), Rate.valueOf("50/1h"));
		List<Verdict> verdicts = Flux.range(0, 400)
			.flatMap((i) -> ((i % 2 == 0) ? instanceA : instanceB).take(limit, "203.0.113.7"), 400)
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(verdicts).filteredOn(Verdict.ALLOWED::equals).hasSize(50);
		assertThat(verdicts).filteredOn(Verdict.Refused.class::isInstance).hasSize(350);
		assertThat(registry.find("rivalry.limits.unchecked").tag("limit", limit.name()).counter()).isNull();
	}

	@Test
	void aLongKeyIsHashedIntoABoundedOne() {
		Limit limit = new Limit("long-" + suffix(), Rate.valueOf("1/1m"));
		String clientId = "x".repeat(10_000);
		assertThat(take(instanceA, limit, clientId)).isEqualTo(Verdict.ALLOWED);
		assertThat(take(instanceB, limit, clientId)).isInstanceOf(Verdict.Refused.class);
		assertThat(take(instanceB, limit, clientId + "y")).isEqualTo(Verdict.ALLOWED);
	}

	@Test
	void aStoreThatCannotBeReachedLetsRequestsThrough() throws Exception {
		RedisClient nowhere = RedisClient.create(RedisURI.create(TestRedis.get().host(), TestRedis.get().port()));
		RateLimiter limiter = RateLimiter.connect(nowhere, TestRedis.get().keyPrefix(), Duration.ofSeconds(1),
				new LimitMetrics(registry));
		Limit limit = new Limit("unreachable-" + suffix(), Rate.valueOf("1/1m"));
		limiter.close();
		assertThat(take(limiter, limit, "dave")).isEqualTo(Verdict.ALLOWED);
		assertThat(take(limiter, limit, "dave")).isEqualTo(Verdict.ALLOWED);
		assertThat(registry.counter("rivalry.limits.unchecked", "limit", limit.name()).count()).isEqualTo(2);
		nowhere.shutdown();
	}

	private static Verdict take(RateLimiter limiter, Limit limit, String key) {
		return limiter.take(limit, key).block(Duration.ofSeconds(10));
	}

	private static Verdict peek(RateLimiter limiter, Limit limit, String key) {
		return limiter.peek(limit, key).block(Duration.ofSeconds(10));
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
