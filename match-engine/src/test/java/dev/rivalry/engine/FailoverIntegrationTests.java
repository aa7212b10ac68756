package dev.rivalry.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.rivalry.engine.pool.PartitionPool;
import dev.rivalry.engine.pool.PoolRegistry;
import dev.rivalry.testsupport.FreePorts;
import dev.rivalry.testsupport.TestKafka;
import dev.rivalry.tickets.Ticket;
import dev.rivalry.tickets.TicketState;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Engines of one group rebalance incrementally (ADR 0012): the partitions an engine keeps
 * are never revoked, so their pools keep matching while another engine joins, dies or
 * leaves; a {@code kill -9}'d engine's pools resume on the survivor within seconds (the
 * session timeout, 6 s); a stopping engine leaves the group, so its partitions move at
 * once, long before its (here deliberately long) session timeout.
 */
class FailoverIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(FailoverIntegrationTests.class);

	static final String GROUP = "engine-failover";

	/** The bound is 10 s (measured: docs/reliability.md); generous for a loaded CI machine. */
	static final Duration FAILOVER_BOUND = Duration.ofSeconds(20);

	ConfigurableApplicationContext survivor;

	Process killed;

	ConfigurableApplicationContext leaving;

	@AfterEach
	void stop() {
		if (this.killed != null) {
			this.killed.destroyForcibly();
		}
		if (this.leaving != null) {
			this.leaving.close();
		}
		if (this.survivor != null) {
			this.survivor.close();
		}
	}

	@Test
	void partitionsThatStayKeepMatchingADeadEnginesPoolsResumeWithinSecondsAndAStoppingOneHandsOverAtOnce() throws Exception {
		try (TicketFeed feed = new TicketFeed()) {
			this.survivor = EngineInstances.start(GROUP);
			await().atMost(Duration.ofSeconds(60)).until(() -> owned(this.survivor).size() == partitions());
			Map<Integer, PartitionPool> before = owned(this.survivor);

			this.killed = EngineInstances.startProcess(GROUP, FreePorts.next(), Path.of("target", "engine-failover-killed.log"));
			await().atMost(Duration.ofSeconds(90)).until(() -> owned(this.survivor).size() == partitions() / 2);
			Map<Integer, PartitionPool> kept = owned(this.survivor);
			kept.forEach((partition, pool) -> assertThat(pool).as("partition %d, kept through the join", partition)
				.isSameAs(before.get(partition)));
			int keptPartition = kept.keySet().iterator().next();
			int movedPartition = before.keySet().stream().filter((p) -> !kept.containsKey(p)).findFirst().orElseThrow();

			this.killed.destroyForcibly().waitFor();
			long killedAt = System.nanoTime();
			List<Ticket> keptPair = pair(feed, keptPartition);
			List<Ticket> movedPair = pair(feed, movedPartition);
			MatchAudit.awaitAllMatchedExactlyOnce(feed, keptPair, FAILOVER_BOUND);
			assertThat(MatchAudit.count(feed, movedPair, TicketState.MATCHED))
				.as("the dead engine's pool waits for its session to time out, the kept one does not")
				.isZero();
			MatchAudit.awaitAllMatchedExactlyOnce(feed, movedPair, FAILOVER_BOUND);
			logger.info("Failover after kill -9: the dead engine's pool matched {} ms after the kill",
					(System.nanoTime() - killedAt) / 1_000_000);
			assertThat(owned(this.survivor)).hasSize(partitions());
			kept.forEach((partition, pool) -> assertThat(owned(this.survivor).get(partition))
				.as("partition %d, kept through the failover", partition)
				.isSameAs(pool));
			aStoppingEngineHandsItsPartitionsOverAtOnce(feed);
		}
	}

	/** Continues on the survivor (sharing its start-up): a graceful stop hands over at once. */
	private void aStoppingEngineHandsItsPartitionsOverAtOnce(TicketFeed feed) {
		// Silent for 60 s before the group would give up on it: only leaving explains a fast handover.
		this.leaving = EngineInstances.start(GROUP, Map.of("rivalry.engine.group.session-timeout", "60s",
				"rivalry.engine.group.heartbeat-interval", "1s"));
		await().atMost(Duration.ofSeconds(60)).until(() -> owned(this.leaving).size() == partitions() / 2);
		int handedOver = owned(this.leaving).keySet().iterator().next();
		long stopping = System.nanoTime();
		this.leaving.close();
		this.leaving = null;
		await().atMost(Duration.ofSeconds(20)).until(() -> owned(this.survivor).size() == partitions());
		logger.info("Graceful stop: partitions back on the survivor {} ms after the stop began",
				(System.nanoTime() - stopping) / 1_000_000);
		MatchAudit.awaitAllMatchedExactlyOnce(feed, pair(feed, handedOver), Duration.ofSeconds(20));
	}

	/** Two tickets of a pool that lives on the given partition (Kafka's default partitioner). */
	private static List<Ticket> pair(TicketFeed feed, int partition) {
		String region = regionOn(partition);
		return new ArrayList<>(List.of(feed.create(region), feed.create(region)));
	}

	private static String regionOn(int partition) {
		for (int i = 0;; i++) {
			String region = "failover-" + i;
			byte[] key = region.getBytes(StandardCharsets.UTF_8);
			if (Utils.toPositive(Utils.murmur2(key)) % partitions() == partition) {
				return region;
			}
		}
	}

	private static int partitions() {
		return TestKafka.get().partitions();
	}

	private static Map<Integer, PartitionPool> owned(ConfigurableApplicationContext engine) {
		Map<Integer, PartitionPool> owned = new HashMap<>();
		for (PartitionPool pool : engine.getBean(PoolRegistry.class).all()) {
			if (pool.topic().equals("rivalry.tickets.duel")) {
				owned.put(pool.partition(), pool);
			}
		}
		return owned;
	}

}
