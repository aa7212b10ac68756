package dev.rivalry.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.rivalry.engine.pool.PoolRegistry;
import dev.rivalry.tickets.Match;
import dev.rivalry.tickets.Ticket;
import dev.rivalry.tickets.TicketSnapshot;
import dev.rivalry.tickets.TicketState;
import dev.rivalry.tickets.backfill.Backfill;
import dev.rivalry.tickets.backfill.BackfillSnapshot;
import dev.rivalry.tickets.backfill.BackfillState;
import dev.rivalry.tokens.Participant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Backfills against real Kafka and Redis: the engine that owns a match's pool fills its open
 * slots from waiting tickets, a slot is never filled twice, whatever races the fill (a
 * flood of tickets, a cancel, a replacement, a second engine replaying the stream).
 */
class BackfillIntegrationTests {

	static final Map<String, Object> PROFILES = Map.of("rivalry.profiles.location",
			"classpath:engine-backfill-profiles.yml");

	static final Duration WAIT = Duration.ofSeconds(30);

	static ConfigurableApplicationContext engine;

	static TicketFeed feed;

	@BeforeAll
	static void start() {
		feed = new TicketFeed();
		engine = EngineInstances.start("engine-backfill-it", PROFILES);
		await().atMost(WAIT).until(() -> !engine.getBean(PoolRegistry.class).all().isEmpty());
	}

	@AfterAll
	static void stop() {
		engine.close();
		feed.close();
	}

	@Test
	void aWaitingTicketFillsTheOpenSlotOfARunningMatch() {
		String pool = pool();
		Match match = formed("bf-duel", pool, 2);
		BackfillSnapshot backfill = feed.openBackfill(match, Duration.ofMinutes(1), new Backfill.Slot(2, 1));
		Ticket joining = feed.create("bf-duel", pool, player());
		TicketSnapshot joined = awaitState(joining, TicketState.MATCHED);
		assertThat(joined.match().id()).isEqualTo(match.id());
		assertThat(joined.match().backfill()).isTrue();
		Participant seat = new Participant(joining.players().get(0).id(), 1);
		assertThat(joined.match().participants()).hasSize(3).containsAll(match.participants()).contains(seat);
		assertThat(feed.findMatch(match.id()).participants()).hasSize(3).contains(seat);
		BackfillSnapshot filled = feed.findBackfill(backfill.id());
		assertThat(filled.state()).isEqualTo(BackfillState.FILLED);
		assertThat(filled.added()).containsExactly(seat);
	}

	@Test
	void aFloodOfTicketsFromTwoPoolsNeverFillsMoreThanTheOpenSlots() {
		String pool = pool();
		String other = pool();
		Match match = formed("bf-duel", pool, 2);
		BackfillSnapshot backfill = feed.openBackfill(match, Duration.ofMinutes(1), new Backfill.Slot(1, 1),
				new Backfill.Slot(2, 1));
		List<Ticket> flood = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			flood.add(feed.create("bf-duel", pool, player()));
			flood.add(feed.create("bf-duel", other, player()));
		}
		await().atMost(WAIT).until(() -> feed.findBackfill(backfill.id()).state() == BackfillState.FILLED);
		// 9 of the backfill's pool: 2 join it, 6 form new duels, 1 waits; 9 of the other: 8 pair, 1 waits
		await().atMost(WAIT).until(() -> flood.stream().filter((t) -> state(t) == TicketState.MATCHED).count() == 16);
		List<Ticket> joined = flood.stream()
			.filter((t) -> state(t) == TicketState.MATCHED && feed.find(t.id()).match().id().equals(match.id()))
			.toList();
		assertThat(joined).hasSize(2).allMatch((t) -> t.pool().equals(pool));
		assertThat(feed.findMatch(match.id()).participants()).hasSize(4);
		assertThat(feed.findBackfill(backfill.id()).added()).hasSize(2);
		flood.stream().filter((t) -> state(t) == TicketState.SEARCHING).forEach(feed::cancel);
	}

	@Test
	void aCancelRacingAFillLetsExactlyOneWin() {
		for (int round = 0; round < 3; round++) {
			String pool = pool();
			Match match = formed("bf-duel", pool, 2);
			BackfillSnapshot backfill = feed.openBackfill(match, Duration.ofMinutes(1), new Backfill.Slot(2, 1));
			Ticket racer = feed.create("bf-duel", pool, player());
			boolean cancelled = feed.cancelBackfill(backfill) instanceof dev.rivalry.tickets.backfill.BackfillOutcome.Applied;
			// a partner for the racer, should the backfill have gone first
			Ticket partner = feed.create("bf-duel", pool, player());
			TicketSnapshot raced = awaitState(racer, TicketState.MATCHED);
			boolean filled = raced.match().id().equals(match.id());
			assertThat(filled ^ cancelled).as("exactly one of the fill and the cancel applies").isTrue();
			assertThat(feed.findBackfill(backfill.id()).state())
				.isEqualTo(filled ? BackfillState.FILLED : BackfillState.CANCELLED);
			assertThat(feed.findMatch(match.id()).participants()).hasSize(filled ? 3 : 2);
			settle(partner);
		}
	}

	@Test
	void aReplacementRacingAFillNeverSeatsTwoPlayersForOneSlot() {
		for (int round = 0; round < 3; round++) {
			String pool = pool();
			Match match = formed("bf-duel", pool, 2);
			BackfillSnapshot first = feed.openBackfill(match, Duration.ofMinutes(1), new Backfill.Slot(2, 1));
			Ticket racer = feed.create("bf-duel", pool, player());
			BackfillSnapshot second = feed.openBackfill(match, Duration.ofMinutes(1), new Backfill.Slot(2, 1));
			awaitState(racer, TicketState.MATCHED);
			BackfillState firstState = feed.findBackfill(first.id()).state();
			assertThat(firstState).isIn(BackfillState.FILLED, BackfillState.REPLACED);
			int seated = feed.findBackfill(first.id()).added().size() + feed.findBackfill(second.id()).added().size();
			assertThat(seated).isEqualTo(1);
			assertThat(feed.findMatch(match.id()).participants()).hasSize(3);
			feed.cancelBackfill(feed.findBackfill(second.id()));
		}
	}

	@Test
	void aPartyJoinsATeamWithRoomForAllOfIt() {
		String pool = pool();
		Match match = formed("bf-squad", pool, 4);
		BackfillSnapshot backfill = feed.openBackfill(match, Duration.ofMinutes(1), new Backfill.Slot(1, 1),
				new Backfill.Slot(2, 2));
		Ticket party = feed.createParty("bf-squad", pool, player(), player());
		TicketSnapshot joined = awaitState(party, TicketState.MATCHED);
		assertThat(joined.match().id()).isEqualTo(match.id());
		assertThat(feed.findBackfill(backfill.id()).added()).extracting(Participant::team).containsExactly(1, 1);
		assertThat(feed.findBackfill(backfill.id()).open()).containsExactly(new Backfill.Slot(1, 1));
		feed.cancelBackfill(feed.findBackfill(backfill.id()));
	}

	@Test
	void aSecondEngineReplayingTheStreamResumesTheBackfillAndNeverFillsItTwice() {
		String pool = pool();
		Match match = formed("bf-squad", pool, 4);
		BackfillSnapshot backfill = feed.openBackfill(match, Duration.ofMinutes(1), new Backfill.Slot(1, 1),
				new Backfill.Slot(2, 1));
		Ticket first = feed.create("bf-squad", pool, player());
		awaitState(first, TicketState.MATCHED);
		// A fresh consumer group reads the stream from its start, as an engine taking over
		// after a crash reads from the low-water mark: the backfill record comes again, and
		// two engines now hold the same pool, as a zombie and its successor would.
		try (ConfigurableApplicationContext replaying = EngineInstances.start("engine-backfill-replay-" + UUID.randomUUID(),
				PROFILES)) {
			await().atMost(WAIT).until(() -> !replaying.getBean(PoolRegistry.class).all().isEmpty());
			List<Ticket> contenders = List.of(feed.create("bf-squad", pool, player()),
					feed.create("bf-squad", pool, player()), feed.create("bf-squad", pool, player()));
			await().atMost(WAIT).until(() -> feed.findBackfill(backfill.id()).state() == BackfillState.FILLED);
			assertThat(feed.findBackfill(backfill.id()).added()).hasSize(2);
			assertThat(feed.findMatch(match.id()).participants()).hasSize(6);
			assertThat(contenders.stream().filter((t) -> state(t) == TicketState.MATCHED)).hasSize(1);
			contenders.forEach(BackfillIntegrationTests::settle);
		}
	}

	/** A match formed by the engine from {@code players} fresh solo tickets of the pool. */
	private static Match formed(String profile, String pool, int players) {
		List<Ticket> tickets = new ArrayList<>();
		for (int i = 0; i < players; i++) {
			tickets.add(feed.create(profile, pool, player()));
		}
		String matchId = awaitState(tickets.get(0), TicketState.MATCHED).match().id();
		tickets.forEach((ticket) -> awaitState(ticket, TicketState.MATCHED));
		Match match = feed.findMatch(matchId);
		assertThat(match.pool()).isEqualTo(pool);
		assertThat(match.rating()).isNotNull();
		return match;
	}

	/** Cancels a ticket still searching, so no later test meets it. */
	private static void settle(Ticket ticket) {
		if (state(ticket) == TicketState.SEARCHING) {
			feed.cancel(ticket);
		}
	}

	private static TicketState state(Ticket ticket) {
		return feed.find(ticket.id()).state();
	}

	private static TicketSnapshot awaitState(Ticket ticket, TicketState state) {
		await().atMost(WAIT).until(() -> state(ticket) == state);
		return feed.find(ticket.id());
	}

	private static String pool() {
		return "bf-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static String player() {
		return "p-" + UUID.randomUUID();
	}

}
