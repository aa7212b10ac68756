package dev.rivalry.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SweeperTests {

	@Test
	void sweepsEveryIntervalAndAFailedSweepDoesNotEndTheSchedule() {
		AtomicInteger sweeps = new AtomicInteger();
		Sweeper sweeper = new Sweeper("test sweep", Duration.ofMillis(20), () -> (sweeps.incrementAndGet() == 2)
				? Mono.error(new IllegalStateException("Redis away")) : Mono.just(true));
		sweeper.start();
		try {
			await().atMost(Duration.ofSeconds(5)).until(() -> sweeps.get() >= 5);
			assertThat(sweeper.isRunning()).isTrue();
		}
		finally {
			sweeper.stop();
		}
		assertThat(sweeper.isRunning()).isFalse();
	}

}
