package dev.rivalry.tickets.proposal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.rivalry.testsupport.MutableClock;
import dev.rivalry.testsupport.redis.RedisConnections;
import dev.rivalry.tickets.Match;
import dev.rivalry.tickets.MatchOutcome;
import dev.rivalry.tickets.MatchProposal;
import dev.rivalry.tickets.Ticket;
import dev.rivalry.tickets.TicketCodec;
import dev.rivalry.tickets.TicketIds;
import dev.rivalry.tickets.TicketKeys;
import dev.rivalry.tickets.TicketSnapshot;
import dev.rivalry.tickets.TicketState;
import dev.rivalry.tickets.TicketStore;
import dev.rivalry.tickets.TransitionResult;
import dev.rivalry.tokens.Participant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ticket state machine with acceptance, transition by transition, through the real
 * scripts on a real Redis: each row starts a duel's two tickets somewhere, applies one step,
 * and states where each ticket ends (and why).
 */
class ProposalStoreIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	@RegisterExtension
	static final RedisConnections redis = RedisConnections.scoped("proposals-" + UUID.randomUUID() + ":");

	static MutableClock clock = new MutableClock(Instant.now());

	static TicketStore tickets;

	static ProposalStore proposals;

	@BeforeAll
	static void createStores() {
		TicketKeys keys = new TicketKeys(redis.keyPrefix());
		TicketCodec codec = new TicketCodec(JsonMapper.builder().build());
		tickets = new TicketStore(redis.template(), keys, codec, clock, Duration.ofMinutes(1), Duration.ofMinutes(5));
		proposals = new ProposalStore(redis.template(), keys, codec, clock, Duration.ofMinutes(1), Duration.ofMinutes(5));
	}

	/** A duel of tickets {@code a} and {@code b}, and the step under test. */
	record Row(String name, Consumer<Duel> step, TicketState a, String reasonA, TicketState b, String reasonB) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Stream<Arguments> transitions() {
		return Stream.of(
				row("SEARCHING -propose-> PROPOSED", (d) -> { }, TicketState.PROPOSED, null, TicketState.PROPOSED, null),
				row("PROPOSED -one accepts-> PROPOSED", (d) -> d.accept(d.a), TicketState.PROPOSED, null,
						TicketState.PROPOSED, null),
				row("PROPOSED -all accept-> MATCHED", (d) -> {
					d.accept(d.a);
					d.accept(d.b);
				}, TicketState.MATCHED, null, TicketState.MATCHED, null),
				row("PROPOSED -a declines-> a CANCELLED, b SEARCHING", (d) -> d.decline(d.a), TicketState.CANCELLED,
						TicketSnapshot.DECLINED, TicketState.SEARCHING, null),
				row("PROPOSED -b accepted, a declines-> b SEARCHING", (d) -> {
					d.accept(d.b);
					d.decline(d.a);
				}, TicketState.CANCELLED, TicketSnapshot.DECLINED, TicketState.SEARCHING, null),
				row("PROPOSED -deadline, a accepted-> a SEARCHING, b CANCELLED", (d) -> {
					d.accept(d.a);
					d.pastDeadline();
					d.expire();
				}, TicketState.SEARCHING, null, TicketState.CANCELLED, TicketSnapshot.ACCEPTANCE_TIMEOUT),
				row("PROPOSED -deadline, none accepted-> both CANCELLED", (d) -> {
					d.pastDeadline();
					d.expire();
				}, TicketState.CANCELLED, TicketSnapshot.ACCEPTANCE_TIMEOUT, TicketState.CANCELLED,
						TicketSnapshot.ACCEPTANCE_TIMEOUT),
				row("PROPOSED -expire before the deadline-> PROPOSED", Duel::expire, TicketState.PROPOSED, null,
						TicketState.PROPOSED, null),
				row("PROPOSED -accept after the deadline-> timed out first", (d) -> {
					d.accept(d.a);
					d.pastDeadline();
					d.accept(d.b);
				}, TicketState.SEARCHING, null, TicketState.CANCELLED, TicketSnapshot.ACCEPTANCE_TIMEOUT),
				row("PROPOSED -plain cancel, expiry, another match-> refused", (d) -> {
					assertThat(tickets.cancel(d.a.id()).block()).isInstanceOf(TransitionResult.Refused.class);
					assertThat(tickets.expire(d.b.id()).block()).isInstanceOf(TransitionResult.Refused.class);
					assertThat(tickets.match(match(d.a, d.b), List.of(d.a.id(), d.b.id())).block())
						.isInstanceOf(MatchOutcome.Refused.class);
				}, TicketState.PROPOSED, null, TicketState.PROPOSED, null),
				row("MATCHED -decline-> MATCHED", (d) -> {
					d.accept(d.a);
					d.accept(d.b);
					d.decline(d.a);
				}, TicketState.MATCHED, null, TicketState.MATCHED, null),
				row("DROPPED -accept, decline, deadline-> unchanged", (d) -> {
					d.decline(d.a);
					d.accept(d.b);
					d.decline(d.b);
					d.pastDeadline();
					d.expire();
				}, TicketState.CANCELLED, TicketSnapshot.DECLINED, TicketState.SEARCHING, null));
	}

	private static Arguments row(String name, Consumer<Duel> step, TicketState a, String reasonA, TicketState b,
			String reasonB) {
		return Arguments.of(new Row(name, step, a, reasonA, b, reasonB));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("transitions")
	void eachTransitionLeavesEachTicketWhereTheTableSays(Row row) {
		Duel duel = Duel.proposed();
		row.step().accept(duel);
		assertState(duel.a, row.a(), row.reasonA());
		assertState(duel.b, row.b(), row.reasonB());
	}

	@Test
	void proposedTicketsShowTheProposalAndEachAcceptance() {
		Duel duel = Duel.proposed();
		TicketSnapshot before = tickets.find(duel.a.id()).block();
		assertThat(before.proposal().id()).isEqualTo(duel.proposal.id());
		assertThat(before.proposal().players()).isEqualTo(2);
		assertThat(before.proposal().accepted()).isEmpty();
		assertThat(before.match()).isNull();
		duel.accept(duel.b);
		TicketSnapshot after = tickets.find(duel.a.id()).block();
		assertThat(after.proposal().accepted()).containsExactly(duel.b.players().get(0).id());
		assertThat(after.version()).isGreaterThan(before.version());
	}

	@Test
	void acceptingTwiceIsOneAcceptance() {
		Duel duel = Duel.proposed();
		duel.accept(duel.a);
		ProposalResult again = duel.accept(duel.a);
		assertThat(again.isOpen()).isTrue();
		assertThat(again.ticket().proposal().accepted()).hasSize(1);
	}

	@Test
	void theLastAcceptanceFormsTheMatchEveryTicketHolds() {
		Duel duel = Duel.proposed();
		duel.accept(duel.a);
		ProposalResult last = duel.accept(duel.b);
		assertThat(last.state()).isEqualTo(ProposalState.ACCEPTED);
		assertThat(last.outcome()).containsEntry(duel.a.id(), TicketState.MATCHED)
			.containsEntry(duel.b.id(), TicketState.MATCHED);
		assertThat(tickets.findMatch(duel.match.id()).block().participants()).hasSize(2);
		assertThat(tickets.find(duel.a.id()).block().match().id()).isEqualTo(duel.match.id());
		assertThat(tickets.find(duel.a.id()).block().proposal()).isNull();
	}

	@Test
	void aPartyTicketIsAcceptedOnlyWhenEachOfItsPlayersAccepted() {
		Ticket party = ticket("p-1", "p-2");
		Ticket solo = ticket("p-3");
		Match match = match(party, solo);
		MatchProposal proposal = propose(match, party, solo);
		proposals.accept(proposal.id(), solo.id(), List.of("p-3")).block();
		ProposalResult half = proposals.accept(proposal.id(), party.id(), List.of("p-1")).block();
		assertThat(half.isOpen()).isTrue();
		clock.advance(TIMEOUT);
		proposals.expire(proposal.id()).block();
		assertState(party, TicketState.CANCELLED, TicketSnapshot.ACCEPTANCE_TIMEOUT);
		assertState(solo, TicketState.SEARCHING, null);
	}

	@Test
	void aTicketOfAnotherProposalIsNotAnAnswer() {
		Duel one = Duel.proposed();
		Duel other = Duel.proposed();
		assertThat(proposals.accept(one.proposal.id(), other.a.id(), List.of("x")).block()).isNull();
		assertThat(proposals.accept(TicketIds.newId("duel", "eu"), one.a.id(), List.of("x")).block()).isNull();
		assertThat(proposals.decline("../etc", one.a.id()).block()).isNull();
	}

	@Test
	void dueProposalsAreListedUntilForgotten() {
		Duel duel = Duel.proposed();
		assertThat(proposals.dueForExpiry(1000).collectList().block()).doesNotContain(duel.proposal.id());
		clock.advance(TIMEOUT);
		assertThat(proposals.dueForExpiry(1000).collectList().block()).contains(duel.proposal.id());
		proposals.forget(duel.proposal.id()).block();
		assertThat(proposals.dueForExpiry(1000).collectList().block()).doesNotContain(duel.proposal.id());
	}

	@Test
	void concurrentAcceptAndDeclineEndEitherMatchedOrDroppedNeverMixed() throws InterruptedException {
		for (int round = 0; round < 30; round++) {
			Duel duel = Duel.proposed();
			duel.accept(duel.a);
			CountDownLatch start = new CountDownLatch(1);
			List<Mono<ProposalResult>> answers = new ArrayList<>();
			answers.add(Mono.defer(() -> proposals.accept(duel.proposal.id(), duel.b.id(),
					List.of(duel.b.players().get(0).id()))));
			answers.add(Mono.defer(() -> proposals.decline(duel.proposal.id(), duel.a.id())));
			List<ProposalResult> results = Mono.zip(answers.stream()
				.map((answer) -> Mono.fromRunnable(() -> await(start)).subscribeOn(Schedulers.parallel()).then(answer))
				.toList(), (all) -> List.of((ProposalResult) all[0], (ProposalResult) all[1]))
				.doOnSubscribe((s) -> start.countDown())
				.block();
			TicketState a = tickets.find(duel.a.id()).block().state();
			TicketState b = tickets.find(duel.b.id()).block().state();
			if (a == TicketState.MATCHED) {
				assertThat(b).isEqualTo(TicketState.MATCHED);
			}
			else {
				assertThat(a).isEqualTo(TicketState.CANCELLED);
				assertThat(b).isEqualTo(TicketState.SEARCHING);
			}
			assertThat(results).allSatisfy((result) -> assertThat(result.isOpen()).isFalse());
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void assertState(Ticket ticket, TicketState state, String reason) {
		TicketSnapshot snapshot = tickets.find(ticket.id()).block();
		assertThat(snapshot.state()).as(ticket.id()).isEqualTo(state);
		assertThat(snapshot.reason()).as("reason of " + ticket.id()).isEqualTo(reason);
		assertThat(snapshot.proposal() != null).isEqualTo(state == TicketState.PROPOSED);
	}

	/** Two tickets of one player each, proposed as a duel. */
	static final class Duel {

		final Ticket a = ticket("a-" + UUID.randomUUID());

		final Ticket b = ticket("b-" + UUID.randomUUID());

		final Match match = match(this.a, this.b);

		MatchProposal proposal;

		static Duel proposed() {
			Duel duel = new Duel();
			duel.proposal = propose(duel.match, duel.a, duel.b);
			return duel;
		}

		ProposalResult accept(Ticket ticket) {
			return proposals.accept(this.proposal.id(), ticket.id(), List.of(ticket.players().get(0).id())).block();
		}

		void decline(Ticket ticket) {
			proposals.decline(this.proposal.id(), ticket.id()).block();
		}

		void pastDeadline() {
			clock.advance(TIMEOUT);
		}

		void expire() {
			proposals.expire(this.proposal.id()).block();
		}

	}

	private static MatchProposal propose(Match match, Ticket... proposed) {
		for (Ticket ticket : proposed) {
			assertThat(tickets.create(ticket).block()).isTrue();
		}
		MatchOutcome outcome = proposals.propose(match, Stream.of(proposed).map(Ticket::id).toList(), TIMEOUT).block();
		assertThat(outcome).isInstanceOf(MatchOutcome.Proposed.class);
		return ((MatchOutcome.Proposed) outcome).proposal();
	}

	private static Ticket ticket(String... players) {
		Instant now = clock.instant();
		return new Ticket(TicketIds.newId("arena", "eu"), "arena", "eu",
				Stream.of(players).map(Ticket.Player::new).toList(), Map.of("mode", "arena"), Map.of(), now,
				now.plus(Duration.ofMinutes(5)));
	}

	private static Match match(Ticket... proposed) {
		List<Participant> participants = new ArrayList<>();
		for (int team = 0; team < proposed.length; team++) {
			for (Ticket.Player player : proposed[team].players()) {
				participants.add(new Participant(player.id(), team));
			}
		}
		return new Match(TicketIds.newId("arena", "eu"), "arena", participants, Map.of(), null, null, clock.instant());
	}

}
