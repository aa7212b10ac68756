package dev.rivalry.limits;

import java.time.Duration;
import java.util.UUID;

import dev.rivalry.testsupport.redis.RedisConnections;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Concurrency caps in the real test Redis, through two {@link Leases} on two connections, as
 * two instances would hold them.
 */
class LeasesIntegrationTests {

	@RegisterExtension
	static final RedisConnections connectionsA = RedisConnections.scoped("");

	@RegisterExtension
	static final RedisConnections connectionsB = RedisConnections.scoped("");

	static Leases instanceA;

	static Leases instanceB;

	@BeforeAll
	static void createLeases() {
		LimitMetrics metrics = new LimitMetrics(new SimpleMeterRegistry());
		instanceA = new Leases(connectionsA.template(), connectionsA.keyPrefix(), metrics);
		instanceB = new Leases(connectionsB.template(), connectionsB.keyPrefix(), metrics);
	}

	@Test
	void theCapHoldsAcrossInstancesAndAPlaceComesBackWhenItsHolderEnds() {
		ConcurrencyLimit cap = new ConcurrencyLimit("streams-" + suffix(), 2, Duration.ofSeconds(30));
		Disposable first = instanceA.hold(cap, "ticket-1", Flux.never()).subscribe();
		Disposable second = instanceB.hold(cap, "ticket-1", Flux.never()).subscribe();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> StepVerifier
			.create(instanceA.hold(cap, "ticket-1", Flux.just("third")))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(RateLimited.class);
				assertThat(((RateLimited) ex).limit()).isEqualTo(cap.name());
				assertThat(((RateLimited) ex).getHeaders().getFirst("Retry-After")).isNotNull();
			})
			.verify(Duration.ofSeconds(10)));
		StepVerifier.create(instanceA.hold(cap, "ticket-2", Flux.just("another ticket")))
			.expectNext("another ticket")
			.verifyComplete();

		second.dispose();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> StepVerifier
			.create(instanceA.hold(cap, "ticket-1", Flux.just("now")))
			.expectNext("now")
			.verifyComplete());
		first.dispose();
	}

	@Test
	void workThatCompletesOrFailsGivesItsPlaceBack() {
		ConcurrencyLimit cap = new ConcurrencyLimit("ends-" + suffix(), 1, Duration.ofSeconds(30));
		StepVerifier.create(instanceA.hold(cap, "t", Flux.just(1, 2))).expectNext(1, 2).verifyComplete();
		StepVerifier.create(instanceB.hold(cap, "t", Flux.error(new IllegalStateException("boom"))))
			.verifyError(IllegalStateException.class);
		StepVerifier.create(instanceA.hold(cap, "t", Flux.just(3))).expectNext(3).verifyComplete();
	}

	@Test
	void aPlaceHeldByACrashedInstanceComesFreeAfterItsLease() {
		ConcurrencyLimit cap = new ConcurrencyLimit("crash-" + suffix(), 1, Duration.ofMillis(600));
		// Taken and never renewed nor given back: the instance died holding it.
		instanceA.take(cap, "t").block(Duration.ofSeconds(10));
		StepVerifier.create(instanceB.hold(cap, "t", Flux.just("too soon"))).verifyError(RateLimited.class);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> StepVerifier.create(instanceB.hold(cap, "t", Flux.just("free")))
				.expectNext("free")
				.verifyComplete());
	}

	@Test
	void aLiveHolderKeepsItsPlacePastItsLeaseByRenewingIt() {
		ConcurrencyLimit cap = new ConcurrencyLimit("renew-" + suffix(), 1, Duration.ofMillis(600));
		Disposable holder = instanceA.hold(cap, "t", Flux.never()).subscribe();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> StepVerifier.create(instanceB.hold(cap, "t", Flux.just("x")))
				.verifyError(RateLimited.class));
		// Three lease times later, still held.
		StepVerifier.create(Mono.delay(Duration.ofMillis(1800)).thenMany(instanceB.hold(cap, "t", Flux.just("x"))))
			.verifyError(RateLimited.class);
		holder.dispose();
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
