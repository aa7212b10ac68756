package dev.rivalry.engine;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.rivalry.engine.pool.PartitionPool;
import dev.rivalry.engine.pool.PoolRegistry;
import dev.rivalry.tickets.Ticket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two engines in one consumer group split the partitions, so each pool has one owner and
 * no lock is needed; every ticket is matched exactly once.
 */
class ScaleOutIntegrationTests {

	static final String GROUP = "engine-scale";

	ConfigurableApplicationContext one;

	ConfigurableApplicationContext two;

	@AfterEach
	void stop() {
		if (this.two != null) {
			this.two.close();
		}
		if (this.one != null) {
			this.one.close();
		}
	}

	@Test
	void twoEnginesSplitThePartitionsAndMatchEveryTicketOnce() {
		try (TicketFeed feed = new TicketFeed()) {
			this.one = EngineInstances.start(GROUP);
			this.two = EngineInstances.start(GROUP);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> owned(this.one).size() + owned(this.two).size() == 4 && !owned(this.one).isEmpty()
						&& !owned(this.two).isEmpty());
			Set<Integer> first = owned(this.one);
			Set<Integer> second = owned(this.two);
			assertThat(first).doesNotContainAnyElementsOf(second);
			List<Ticket> tickets = MatchAudit.createPairs(feed, 1000, 16, "scale");
			MatchAudit.awaitAllMatchedExactlyOnce(feed, tickets, Duration.ofSeconds(120));
			assertThat(formed(this.one)).isPositive();
			assertThat(formed(this.two)).isPositive();
		}
	}

	private static Set<Integer> owned(ConfigurableApplicationContext engine) {
		Set<Integer> partitions = new HashSet<>();
		engine.getBean(PoolRegistry.class).all().stream().map(PartitionPool::partition).forEach(partitions::add);
		return partitions;
	}

	private static long formed(ConfigurableApplicationContext engine) {
		return engine.getBean(PoolRegistry.class)
			.describe(java.time.Instant.now())
			.stream()
			.mapToLong((pool) -> pool.matchesFormed())
			.sum();
	}

}
