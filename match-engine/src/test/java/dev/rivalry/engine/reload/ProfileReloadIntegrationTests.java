package dev.rivalry.engine.reload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import dev.rivalry.engine.EngineInstances;
import dev.rivalry.engine.TicketFeed;
import dev.rivalry.engine.pool.PartitionPool;
import dev.rivalry.engine.pool.PoolRegistry;
import dev.rivalry.testsupport.StartupFailures;
import dev.rivalry.tickets.Ticket;
import dev.rivalry.tickets.TicketSnapshot;
import dev.rivalry.tickets.TicketState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An engine started for one profile ({@code rivalry.engine.profiles}, as the operator starts
 * them) applies a changed profile file to the pools it owns while tickets wait in them, and
 * refuses a broken one; the waiting tickets are matched by the version in force.
 */
class ProfileReloadIntegrationTests {

	private static final String PROFILE = "reload-" + UUID.randomUUID().toString().substring(0, 6);

	private static final String FILE = """
			profiles:
			  - name: %s
			    teams: { count: %d, size: 1 }
			    strategy: first-come
			    pool-key: region
			    batch-window: 100ms
			  - name: other-%s
			    teams: { count: 2, size: 1 }
			""";

	@TempDir
	static Path directory;

	static Path file;

	static ConfigurableApplicationContext engine;

	static TicketFeed feed;

	@BeforeAll
	static void start() throws IOException {
		file = Files.writeString(directory.resolve("profiles.yml"), version(2));
		feed = new TicketFeed();
		engine = EngineInstances.start("reload-" + PROFILE, Map.of("rivalry.profiles.location", "file:" + file,
				"rivalry.profiles.reload-interval", "100ms", "rivalry.engine.profiles", PROFILE));
		await().atMost(Duration.ofSeconds(30)).until(() -> !engine.getBean(PoolRegistry.class).all().isEmpty());
	}

	@AfterAll
	static void stop() {
		engine.close();
		feed.close();
	}

	@Test
	void theEngineConsumesOnlyItsProfilesTopicAndAppliesOrRefusesEachNewVersion() throws IOException {
		assertThat(engine.getBean(PoolRegistry.class).all()).extracting(PartitionPool::topic)
			.containsOnly("rivalry.tickets." + PROFILE);

		Ticket first = feed.create(PROFILE, "eu", "p1-" + PROFILE);
		await().atMost(Duration.ofSeconds(20)).until(() -> waiting() == 1);

		// Three teams from now on: two tickets no longer make a match.
		Files.writeString(file, version(3));
		await().atMost(Duration.ofSeconds(10)).until(() -> engine.getBean(PoolRegistry.class).all().stream()
			.allMatch((partition) -> partition.profile().teams().count() == 3));
		Ticket second = feed.create(PROFILE, "eu", "p2-" + PROFILE);
		await().atMost(Duration.ofSeconds(20)).until(() -> waiting() == 2);

		Files.writeString(file, version(0));
		await().atMost(Duration.ofSeconds(10)).until(() -> reloads("refused") == 1);
		assertThat(engine.getBean(PoolRegistry.class).all()).allMatch((partition) -> partition.profile().teams().count() == 3);

		Ticket third = feed.create(PROFILE, "eu", "p3-" + PROFILE);
		TicketSnapshot matched = awaitMatched(third);
		assertThat(matched.match().participants()).hasSize(3);
		assertThat(awaitMatched(first).match().id()).isEqualTo(matched.match().id());
		assertThat(awaitMatched(second).match().id()).isEqualTo(matched.match().id());
		assertThat(reloads("applied")).isOne();
	}

	@Test
	void anEngineStartedForAProfileTheFileLacksStopsNamingIt() {
		Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> EngineInstances.start("reload-missing",
				Map.of("rivalry.profiles.location", "file:" + file, "rivalry.engine.profiles", "nowhere")));
		assertThat(StartupFailures.messagesOf(failure)).contains("rivalry.engine.profiles").contains("[nowhere]");
	}

	private static String version(int teams) {
		return FILE.formatted(PROFILE, teams, PROFILE);
	}

	private static int waiting() {
		return engine.getBean(PoolRegistry.class).describe(java.time.Instant.now()).stream()
			.mapToInt((pool) -> pool.waiting()).sum();
	}

	private static TicketSnapshot awaitMatched(Ticket ticket) {
		await().atMost(Duration.ofSeconds(20)).until(() -> feed.find(ticket.id()).state() == TicketState.MATCHED);
		return feed.find(ticket.id());
	}

	private static double reloads(String outcome) {
		var counter = engine.getBean(MeterRegistry.class).find("rivalry.profiles.reload").tag("outcome", outcome).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
