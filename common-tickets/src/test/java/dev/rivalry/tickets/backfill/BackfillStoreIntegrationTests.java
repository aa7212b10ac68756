package dev.rivalry.tickets.backfill;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.rivalry.testsupport.redis.RedisConnections;
import dev.rivalry.tickets.Match;
import dev.rivalry.tickets.MatchOutcome;
import dev.rivalry.tickets.Ticket;
import dev.rivalry.tickets.TicketCodec;
import dev.rivalry.tickets.TicketIds;
import dev.rivalry.tickets.TicketKeys;
import dev.rivalry.tickets.TicketSnapshot;
import dev.rivalry.tickets.TicketState;
import dev.rivalry.tickets.TicketStore;
import dev.rivalry.tokens.Participant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backfill scripts against a real Redis: opening, replacing, ending and filling, and
 * the races between them (each step is atomic, so exactly one side of a race wins).
 */
class BackfillStoreIntegrationTests {

	@RegisterExtension
	static final RedisConnections redis = RedisConnections.scoped("backfill:");

	static TicketStore tickets;

	static BackfillStore backfills;

	@BeforeAll
	static void createStores() {
		TicketKeys keys = new TicketKeys(redis.keyPrefix());
		TicketCodec codec = new TicketCodec(JsonMapper.builder().build());
		tickets = new TicketStore(redis.template(), keys, codec, Clock.systemUTC(), Duration.ofMinutes(1), Duration.ofMinutes(5));
		backfills = new BackfillStore(redis.template(), keys, codec, Clock.systemUTC(), Duration.ofMinutes(1));
	}

	@Test
	void anOpenedBackfillSearchesWithItsSlotsOpen() {
		Match match = formedDuel();
		Backfill backfill = backfill(match, new Backfill.Slot(2, 1));
		BackfillOutcome outcome = backfills.open(backfill).block();
		assertThat(outcome).isInstanceOfSatisfying(BackfillOutcome.Applied.class, (applied) -> {
			assertThat(applied.snapshot().state()).isEqualTo(BackfillState.SEARCHING);
			assertThat(applied.snapshot().version()).isOne();
			assertThat(applied.snapshot().open()).containsExactly(new Backfill.Slot(2, 1));
			assertThat(applied.snapshot().added()).isEmpty();
		});
		assertThat(backfills.findOpen(match.id()).block().id()).isEqualTo(backfill.id());
	}

	@Test
	void aBackfillForAnUnknownMatchIsMissing() {
		Match match = match(ticket(), ticket());
		assertThat(backfills.open(backfill(match, new Backfill.Slot(1, 1))).block())
			.isInstanceOf(BackfillOutcome.Missing.class);
	}

	@Test
	void askingAgainReplacesTheOpenBackfill() {
		Match match = formedDuel();
		Backfill first = backfill(match, new Backfill.Slot(2, 1));
		backfills.open(first).block();
		Backfill second = backfill(match, new Backfill.Slot(1, 1));
		backfills.open(second).block();
		assertThat(backfills.find(first.id()).block().state()).isEqualTo(BackfillState.REPLACED);
		assertThat(backfills.findOpen(match.id()).block().id()).isEqualTo(second.id());
	}

	@Test
	void aFillMovesTheTicketIntoTheMatchAndClosesTheSlot() {
		Match match = formedDuel();
		Backfill backfill = backfill(match, new Backfill.Slot(2, 1));
		BackfillSnapshot open = ((BackfillOutcome.Applied) backfills.open(backfill).block()).snapshot();
		Ticket joining = created();
		Participant seat = new Participant(joining.players().get(0).id(), 1);
		FillOutcome outcome = backfills.fill(open, List.of(joining.id()), List.of(seat)).block();
		assertThat(outcome).isInstanceOfSatisfying(FillOutcome.Filled.class, (filled) -> {
			assertThat(filled.snapshot().state()).isEqualTo(BackfillState.FILLED);
			assertThat(filled.snapshot().open()).isEmpty();
			assertThat(filled.snapshot().added()).containsExactly(seat);
		});
		TicketSnapshot ticket = tickets.find(joining.id()).block();
		assertThat(ticket.state()).isEqualTo(TicketState.MATCHED);
		assertThat(ticket.match().id()).isEqualTo(match.id());
		assertThat(ticket.match().backfill()).isTrue();
		assertThat(ticket.match().participants()).hasSize(3).contains(seat);
		Match recorded = tickets.findMatch(match.id()).block();
		assertThat(recorded.participants()).hasSize(3).contains(seat);
		assertThat(recorded.backfill()).isFalse();
		assertThat(backfills.findOpen(match.id()).block()).isNull();
	}

	@Test
	void aFillFromAStaleReadChangesNothing() {
		Match match = formedDuel();
		BackfillSnapshot open = opened(match, new Backfill.Slot(2, 2));
		Ticket first = created();
		Ticket second = created();
		assertThat(backfills.fill(open, List.of(first.id()), List.of(seat(first, 1))).block())
			.isInstanceOf(FillOutcome.Filled.class);
		// the same read again, as a zombie engine would: the version moved on
		assertThat(backfills.fill(open, List.of(second.id()), List.of(seat(second, 1))).block())
			.isInstanceOfSatisfying(FillOutcome.Stale.class,
					(stale) -> assertThat(stale.snapshot().open()).containsExactly(new Backfill.Slot(2, 1)));
		assertThat(tickets.find(second.id()).block().state()).isEqualTo(TicketState.SEARCHING);
	}

	@Test
	void concurrentFillsOfOneSlotSeatOnePlayer() {
		Match match = formedDuel();
		BackfillSnapshot open = opened(match, new Backfill.Slot(2, 1));
		List<Ticket> contenders = List.of(created(), created(), created(), created(), created(), created());
		List<FillOutcome> outcomes = Flux.fromIterable(contenders)
			.flatMap((ticket) -> backfills.fill(open, List.of(ticket.id()), List.of(seat(ticket, 1)))
				.subscribeOn(Schedulers.parallel()))
			.collectList()
			.block();
		assertThat(outcomes).filteredOn(FillOutcome.Filled.class::isInstance).hasSize(1);
		assertThat(tickets.findMatch(match.id()).block().participants()).hasSize(3);
		assertThat(contenders.stream().map((t) -> tickets.find(t.id()).block().state()))
			.filteredOn(TicketState.MATCHED::equals)
			.hasSize(1);
	}

	@Test
	void aCancelRacingAFillLetsExactlyOneWin() {
		for (int round = 0; round < 20; round++) {
			Match match = formedDuel();
			BackfillSnapshot open = opened(match, new Backfill.Slot(2, 1));
			Ticket joining = created();
			var fill = backfills.fill(open, List.of(joining.id()), List.of(seat(joining, 1)))
				.subscribeOn(Schedulers.parallel());
			var cancel = backfills.end(open.backfill(), BackfillState.CANCELLED).subscribeOn(Schedulers.parallel());
			var both = Mono.zip(fill, cancel).block();
			boolean filled = both.getT1() instanceof FillOutcome.Filled;
			boolean cancelled = both.getT2() instanceof BackfillOutcome.Applied;
			assertThat(filled ^ cancelled).as("exactly one of fill and cancel applies").isTrue();
			TicketState state = tickets.find(joining.id()).block().state();
			assertThat(state).isEqualTo(filled ? TicketState.MATCHED : TicketState.SEARCHING);
			assertThat(tickets.findMatch(match.id()).block().participants()).hasSize(filled ? 3 : 2);
		}
	}

	@Test
	void aReplacementRacingAFillNeverSeatsIntoTheReplacedOne() {
		for (int round = 0; round < 20; round++) {
			Match match = formedDuel();
			BackfillSnapshot open = opened(match, new Backfill.Slot(2, 1));
			Ticket joining = created();
			var fill = backfills.fill(open, List.of(joining.id()), List.of(seat(joining, 1)))
				.subscribeOn(Schedulers.parallel());
			var replace = backfills.open(backfill(match, new Backfill.Slot(2, 1))).subscribeOn(Schedulers.parallel());
			var both = Mono.zip(fill, replace).block();
			BackfillState first = backfills.find(open.id()).block().state();
			if (both.getT1() instanceof FillOutcome.Filled) {
				assertThat(first).isEqualTo(BackfillState.FILLED);
				assertThat(tickets.findMatch(match.id()).block().participants()).hasSize(3);
			}
			else {
				assertThat(first).isEqualTo(BackfillState.REPLACED);
				assertThat(tickets.find(joining.id()).block().state()).isEqualTo(TicketState.SEARCHING);
				assertThat(tickets.findMatch(match.id()).block().participants()).hasSize(2);
			}
			assertThat(backfills.findOpen(match.id()).block().state()).isEqualTo(BackfillState.SEARCHING);
		}
	}

	@Test
	void aCancelledTicketIsNotSeatedAndTheSlotStaysOpen() {
		Match match = formedDuel();
		BackfillSnapshot open = opened(match, new Backfill.Slot(2, 1));
		Ticket gone = created();
		tickets.cancel(gone.id()).block();
		assertThat(backfills.fill(open, List.of(gone.id()), List.of(seat(gone, 1))).block())
			.isEqualTo(new FillOutcome.TicketsGone(List.of(gone.id())));
		assertThat(backfills.find(open.id()).block().open()).containsExactly(new Backfill.Slot(2, 1));
	}

	@Test
	void expiryAppliesOnlyOnceDueAndEndingAppliesOnce() {
		Match match = formedDuel();
		BackfillSnapshot open = opened(match, new Backfill.Slot(2, 1));
		assertThat(backfills.end(open.backfill(), BackfillState.EXPIRED).block())
			.isInstanceOf(BackfillOutcome.Refused.class);
		assertThat(backfills.endOpen(match.id()).block()).isInstanceOfSatisfying(BackfillOutcome.Applied.class,
				(applied) -> assertThat(applied.snapshot().state()).isEqualTo(BackfillState.ENDED));
		assertThat(backfills.end(open.backfill(), BackfillState.CANCELLED).block())
			.isInstanceOf(BackfillOutcome.Refused.class);
		assertThat(backfills.endOpen(match.id()).block()).isInstanceOf(BackfillOutcome.Missing.class);
	}

	@Test
	void anExpiredBackfillIsNotFilled() {
		Match match = formedDuel();
		Instant past = Instant.now().minusSeconds(1);
		Backfill backfill = new Backfill(BackfillStore.newId(match.id()), match.id(), "duel", "eu", "server-1",
				List.of(new Backfill.Slot(2, 1)), 25.0, "eu", past.minusSeconds(60), past);
		BackfillSnapshot open = ((BackfillOutcome.Applied) backfills.open(backfill).block()).snapshot();
		Ticket joining = created();
		assertThat(backfills.fill(open, List.of(joining.id()), List.of(seat(joining, 1))).block())
			.isInstanceOf(FillOutcome.Stale.class);
		assertThat(backfills.end(backfill, BackfillState.EXPIRED).block()).isInstanceOf(BackfillOutcome.Applied.class);
	}

	@Test
	void openSlotsCountDownPerTeamAndRefuseTooManyPlayers() {
		List<Backfill.Slot> open = List.of(new Backfill.Slot(1, 2), new Backfill.Slot(2, 1));
		assertThat(BackfillStore.openAfter(open, List.of(new Participant("a", 0), new Participant("b", 1))))
			.containsExactly(new Backfill.Slot(1, 1));
		org.assertj.core.api.Assertions
			.assertThatIllegalArgumentException()
			.isThrownBy(() -> BackfillStore.openAfter(open, List.of(new Participant("a", 1), new Participant("b", 1))));
		org.assertj.core.api.Assertions
			.assertThatIllegalArgumentException()
			.isThrownBy(() -> BackfillStore.openAfter(open, List.of(new Participant("a", 2))));
	}

	private static BackfillSnapshot opened(Match match, Backfill.Slot... slots) {
		return ((BackfillOutcome.Applied) backfills.open(backfill(match, slots)).block()).snapshot();
	}

	private static Backfill backfill(Match match, Backfill.Slot... slots) {
		Instant now = Instant.now();
		return new Backfill(BackfillStore.newId(match.id()), match.id(), "duel", "eu", "server-1", List.of(slots), 25.0, "eu",
				now, now.plusSeconds(60));
	}

	private static Participant seat(Ticket ticket, int team) {
		return new Participant(ticket.players().get(0).id(), team);
	}

	/** A duel formed from two fresh tickets of pool eu. */
	private static Match formedDuel() {
		Ticket a = created();
		Ticket b = created();
		Match match = match(a, b);
		assertThat(tickets.match(match, List.of(a.id(), b.id())).block()).isInstanceOf(MatchOutcome.Formed.class);
		return match;
	}

	private static Ticket created() {
		Ticket ticket = ticket();
		tickets.create(ticket).block();
		return ticket;
	}

	private static Ticket ticket() {
		Instant now = Instant.now();
		return new Ticket(TicketIds.newId("duel", "eu"), "duel", "eu", List.of(new Ticket.Player("p-" + UUID.randomUUID())),
				Map.of("mode", "duel"), Map.of(), now, now.plus(Duration.ofMinutes(5)));
	}

	private static Match match(Ticket... members) {
		List<Participant> participants = new ArrayList<>();
		for (int team = 0; team < members.length; team++) {
			participants.add(new Participant(members[team].players().get(0).id(), team));
		}
		return new Match(TicketIds.newId("duel", "eu"), "duel", participants, Map.of("map", "arena"), null, "eu",
				Instant.now(), "eu", 25.0, false);
	}

}
