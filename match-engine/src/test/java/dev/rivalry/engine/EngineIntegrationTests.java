package dev.rivalry.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import dev.rivalry.engine.pool.PartitionPool;
import dev.rivalry.engine.pool.PoolRegistry;
import dev.rivalry.engine.pool.PoolView;
import dev.rivalry.testsupport.TestKafka;
import dev.rivalry.tickets.Ticket;
import dev.rivalry.tickets.TicketSnapshot;
import dev.rivalry.tickets.TicketState;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One engine against real Kafka and Redis: pools fill from the ticket stream, matches are
 * written atomically, cancels are honoured, and the committed offset is the oldest ticket
 * still waiting.
 */
class EngineIntegrationTests {

	static final String GROUP = "engine-it";

	static ConfigurableApplicationContext engine;

	static TicketFeed feed;

	@BeforeAll
	static void start() {
		feed = new TicketFeed();
		engine = EngineInstances.start(GROUP);
		await().atMost(Duration.ofSeconds(30)).until(() -> !engine.getBean(PoolRegistry.class).all().isEmpty());
	}

	@AfterAll
	static void stop() {
		engine.close();
		feed.close();
	}

	@Test
	void twoTicketsOfOnePoolAreMatchedTogether() {
		Ticket a = feed.create("eu");
		Ticket b = feed.create("eu");
		TicketSnapshot matchedA = awaitState(a, TicketState.MATCHED);
		TicketSnapshot matchedB = awaitState(b, TicketState.MATCHED);
		assertThat(matchedA.match().id()).isEqualTo(matchedB.match().id());
		assertThat(matchedA.match().participants()).extracting("team").containsExactlyInAnyOrder(0, 1);
		assertThat(matchedA.match().config()).containsEntry("map", "arena").containsEntry("region", "eu");
		assertThat(matchedA.match().region()).isEqualTo("eu");
		assertThat(matchedA.match().profile()).isEqualTo("duel");
	}

	@Test
	void ticketsOfDifferentPoolsAreNeverMatchedTogether() {
		Ticket north = feed.create("north");
		Ticket south = feed.create("south");
		await().atMost(Duration.ofSeconds(20)).until(() -> waiting("north") == 1 && waiting("south") == 1);
		assertThat(feed.find(north.id()).state()).isEqualTo(TicketState.SEARCHING);
		Ticket north2 = feed.create("north");
		Ticket south2 = feed.create("south");
		assertThat(awaitState(north, TicketState.MATCHED).match().id())
			.isEqualTo(awaitState(north2, TicketState.MATCHED).match().id());
		assertThat(awaitState(south, TicketState.MATCHED).match().id())
			.isEqualTo(awaitState(south2, TicketState.MATCHED).match().id());
	}

	@Test
	void aCancelledTicketIsNeverMatched() {
		Ticket cancelled = feed.create("west");
		feed.cancel(cancelled);
		Ticket a = feed.create("west");
		Ticket b = feed.create("west");
		assertThat(awaitState(a, TicketState.MATCHED).match().id())
			.isEqualTo(awaitState(b, TicketState.MATCHED).match().id());
		assertThat(feed.find(cancelled.id()).state()).isEqualTo(TicketState.CANCELLED);
	}

	@Test
	void aTicketCancelledInRedisOnlyIsDroppedWhenItsMatchIsRefused() {
		Ticket lonely = feed.create("east");
		await().atMost(Duration.ofSeconds(20)).until(() -> waiting("east") == 1);
		// Cancelled in Redis, but its cancel record never reaches the stream.
		feed.store().cancel(lonely.id()).block();
		Ticket a = feed.create("east");
		Ticket b = feed.create("east");
		assertThat(awaitState(a, TicketState.MATCHED).match().id())
			.isEqualTo(awaitState(b, TicketState.MATCHED).match().id());
		assertThat(feed.find(lonely.id()).state()).isEqualTo(TicketState.CANCELLED);
	}

	@Test
	void theCommittedOffsetIsTheOldestTicketStillWaiting() throws Exception {
		Ticket waitingTicket = feed.create("low");
		await().atMost(Duration.ofSeconds(20)).until(() -> waiting("low") == 1);
		PartitionPool partition = partitionHolding("low");
		TopicPartition tp = new TopicPartition(partition.topic(), partition.partition());
		OptionalLong mark = partition.lowWaterMark();
		await().atMost(Duration.ofSeconds(20)).until(() -> committed(tp) == mark.getAsLong());
		assertThat(feed.find(waitingTicket.id()).state()).isEqualTo(TicketState.SEARCHING);
		Ticket partner = feed.create("low");
		awaitState(partner, TicketState.MATCHED);
		await().atMost(Duration.ofSeconds(20)).until(() -> committed(tp) > mark.getAsLong());
	}

	@Test
	void thePoolsAreListedWithWaitingTicketsAndMatchesFormed() {
		feed.create("listed");
		await().atMost(Duration.ofSeconds(20)).until(() -> waiting("listed") == 1);
		List<PoolView> pools = engine.getBean(PoolRegistry.class).describe(java.time.Instant.now());
		assertThat(pools).filteredOn((pool) -> pool.pool().equals("listed")).singleElement().satisfies((pool) -> {
			assertThat(pool.profile()).isEqualTo("duel");
			assertThat(pool.waiting()).isOne();
			assertThat(pool.oldestWaitMillis()).isNotNegative();
		});
		feed.create("listed");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> engine.getBean(PoolRegistry.class)
				.describe(java.time.Instant.now())
				.stream()
				.anyMatch((pool) -> pool.pool().equals("listed") && pool.matchesFormed() == 1 && pool.waiting() == 0));
	}

	static TicketSnapshot awaitState(Ticket ticket, TicketState state) {
		await().atMost(Duration.ofSeconds(30)).until(() -> feed.find(ticket.id()).state() == state);
		return feed.find(ticket.id());
	}

	private static int waiting(String pool) {
		return engine.getBean(PoolRegistry.class)
			.describe(java.time.Instant.now())
			.stream()
			.filter((view) -> view.pool().equals(pool))
			.mapToInt(PoolView::waiting)
			.sum();
	}

	private static PartitionPool partitionHolding(String pool) {
		int partition = engine.getBean(PoolRegistry.class)
			.describe(java.time.Instant.now())
			.stream()
			.filter((view) -> view.pool().equals(pool))
			.findFirst()
			.orElseThrow()
			.partition();
		return engine.getBean(PoolRegistry.class).find("rivalry.tickets.duel", partition).orElseThrow();
	}

	private static long committed(TopicPartition tp) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
			OffsetAndMetadata offset = admin.listConsumerGroupOffsets(GROUP)
				.partitionsToOffsetAndMetadata()
				.get()
				.get(tp);
			return (offset != null) ? offset.offset() : -1;
		}
	}

}
