package dev.rivalry.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.rivalry.testsupport.FreePorts;
import dev.rivalry.testsupport.TestKafka;
import dev.rivalry.tickets.Ticket;
import dev.rivalry.tickets.TicketState;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An engine is killed outright (SIGKILL: no shutdown, no commit) while tickets stream in
 * and, by its own account ({@code GET /v1/pools}), sit in its pools. Another instance takes its partitions over, reads them again from
 * the low-water marks the first one committed, skips what was already matched, and every
 * ticket ends in exactly one match.
 */
class CrashIntegrationTests {

	static final String GROUP = "engine-crash";

	Process killed;

	ConfigurableApplicationContext survivor;

	@AfterEach
	void stop() {
		if (this.killed != null) {
			this.killed.destroyForcibly();
		}
		if (this.survivor != null) {
			this.survivor.close();
		}
	}

	@Test
	void anEngineKilledMidStreamLosesNoTicketAndMatchesNoneTwice() throws Exception {
		int managementPort = FreePorts.next();
		ExecutorService producer = Executors.newSingleThreadExecutor();
		try (TicketFeed feed = new TicketFeed()) {
			this.killed = EngineInstances.startProcess(GROUP, managementPort, Path.of("target", "engine-killed.log"));
			await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> members() == 1);
			List<Ticket> tickets = new CopyOnWriteArrayList<>();
			Future<?> streaming = producer.submit(() -> {
				for (int i = 0; i < 1000; i++) {
					tickets.add(feed.create("crash-" + ((i / 2) % 12)));
					LockSupport.parkNanos(Duration.ofMillis(4).toNanos());
				}
			});
			await().atMost(Duration.ofSeconds(60))
				.until(() -> MatchAudit.count(feed, tickets, TicketState.MATCHED) > 100 && waitingIn(managementPort) > 0);
			this.killed.destroyForcibly().waitFor();
			this.survivor = EngineInstances.start(GROUP);
			streaming.get(2, TimeUnit.MINUTES);
			assertThat(tickets).hasSize(1000);
			MatchAudit.awaitAllMatchedExactlyOnce(feed, tickets, Duration.ofSeconds(120));
		}
		finally {
			producer.shutdownNow();
		}
	}

	/** Tickets in the engine's pools, as its own {@code GET /v1/pools} (management port) reports them. */
	private static int waitingIn(int port) {
		List<Map<String, Object>> pools = WebClient.create("http://localhost:" + port)
			.get()
			.uri("/v1/pools")
			.retrieve()
			.bodyToMono(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.block(Duration.ofSeconds(5));
		return pools.stream().mapToInt((pool) -> ((Number) pool.get("waiting")).intValue()).sum();
	}

	private static int members() throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
			ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
			return group.members().stream().mapToInt((member) -> member.assignment().topicPartitions().size() > 0 ? 1 : 0).sum();
		}
	}

}
