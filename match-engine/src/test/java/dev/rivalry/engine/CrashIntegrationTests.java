package dev.rivalry.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.rivalry.testsupport.FreePorts;
import dev.rivalry.tickets.Match;
import dev.rivalry.tickets.Ticket;
import dev.rivalry.tickets.TicketState;
import dev.rivalry.tickets.backfill.Backfill;
import dev.rivalry.tickets.backfill.BackfillSnapshot;
import dev.rivalry.tickets.backfill.BackfillState;
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
 * <p>
 * The killed engine also held a backfill with one of its two seats filled: the successor
 * reads it again (its record held the low-water mark back) with the one seat still open,
 * as Redis has it, and fills that seat once.
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
			await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> EngineInstances.membersWithPartitions(GROUP) == 1);
			HalfFilledBackfill backfill = HalfFilledBackfill.open(feed);
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
			backfill.awaitLastSeatFilledOnce();
		}
		finally {
			producer.shutdownNow();
		}
	}

	/** A duel's backfill for two seats, one filled before the kill. */
	private record HalfFilledBackfill(TicketFeed feed, Match match, BackfillSnapshot backfill) {

		static HalfFilledBackfill open(TicketFeed feed) {
			String pool = "crash-backfill-" + UUID.randomUUID().toString().substring(0, 8);
			Ticket a = feed.create("duel", pool, "p-" + UUID.randomUUID());
			Ticket b = feed.create("duel", pool, "p-" + UUID.randomUUID());
			await().atMost(Duration.ofSeconds(30)).until(() -> feed.find(a.id()).state() == TicketState.MATCHED
					&& feed.find(b.id()).state() == TicketState.MATCHED);
			Match match = feed.findMatch(feed.find(a.id()).match().id());
			BackfillSnapshot backfill = feed.openBackfill(match, Duration.ofMinutes(3), new Backfill.Slot(1, 1),
					new Backfill.Slot(2, 1));
			Ticket first = feed.create("duel", pool, "p-" + UUID.randomUUID());
			await().atMost(Duration.ofSeconds(30)).until(() -> feed.find(first.id()).state() == TicketState.MATCHED);
			assertThat(feed.findBackfill(backfill.id()).open()).hasSize(1);
			return new HalfFilledBackfill(feed, match, backfill);
		}

		/** After the kill: two contenders for the last seat, one gets it. */
		void awaitLastSeatFilledOnce() {
			String pool = this.match.pool();
			List<Ticket> contenders = List.of(this.feed.create("duel", pool, "p-" + UUID.randomUUID()),
					this.feed.create("duel", pool, "p-" + UUID.randomUUID()));
			await().atMost(Duration.ofSeconds(60))
				.until(() -> this.feed.findBackfill(this.backfill.id()).state() == BackfillState.FILLED);
			assertThat(this.feed.findBackfill(this.backfill.id()).added()).hasSize(2);
			assertThat(this.feed.findMatch(this.match.id()).participants()).hasSize(4);
			assertThat(contenders).filteredOn((t) -> this.feed.find(t.id()).state() == TicketState.MATCHED).hasSize(1);
			contenders.stream()
				.filter((t) -> this.feed.find(t.id()).state() == TicketState.SEARCHING)
				.forEach(this.feed::cancel);
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

}
