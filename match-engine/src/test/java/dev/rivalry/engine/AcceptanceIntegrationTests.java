package dev.rivalry.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.rivalry.engine.pool.PoolRegistry;
import dev.rivalry.testsupport.FreePorts;
import dev.rivalry.tickets.MatchProposal;
import dev.rivalry.tickets.Ticket;
import dev.rivalry.tickets.TicketSnapshot;
import dev.rivalry.tickets.TicketState;
import dev.rivalry.tickets.proposal.ProposalResult;
import dev.rivalry.tickets.proposal.ProposalStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Match acceptance against real Kafka and Redis: the engine proposes a profile's matches,
 * players answer through the proposal scripts as a matchmaker would, and the engine settles
 * its pool from the announcements or the deadline. A ticket is in at most one proposal;
 * one returned to the pool is matched again with its original wait; an engine killed
 * mid-proposal is replaced by one that reads the proposal back and applies its deadline.
 */
class AcceptanceIntegrationTests {

	static final Map<String, Object> PROFILES = Map.of("rivalry.profiles.location",
			"classpath:engine-acceptance-profiles.yml");

	static final String GROUP = "engine-acceptance-it";

	static final Duration WAIT = Duration.ofSeconds(30);

	static ConfigurableApplicationContext engine;

	static TicketFeed feed;

	static ProposalStore proposals;

	@BeforeAll
	static void start() {
		feed = new TicketFeed();
		proposals = feed.proposals();
		engine = EngineInstances.start(GROUP, PROFILES);
		await().atMost(WAIT).until(() -> !engine.getBean(PoolRegistry.class).all().isEmpty());
	}

	@AfterAll
	static void stop() {
		if (engine != null) {
			engine.close();
		}
		feed.close();
	}

	@Test
	void whenBothAcceptTheMatchIsFormedOnce() {
		Duel duel = Duel.proposed();
		accept(duel.a);
		accept(duel.b);
		TicketSnapshot a = awaitState(duel.a, TicketState.MATCHED);
		TicketSnapshot b = awaitState(duel.b, TicketState.MATCHED);
		assertThat(a.match().id()).isEqualTo(b.match().id());
		assertThat(feed.findMatch(a.match().id()).participants()).hasSize(2);
	}

	@Test
	void aDeclinedProposalReturnsTheOtherPlayerWhoIsMatchedNextWithItsOriginalWait() {
		Duel duel = Duel.proposed();
		accept(duel.b);
		proposals.decline(duel.proposal.id(), duel.a.id()).block();
		assertThat(feed.find(duel.a.id()).reason()).isEqualTo(TicketSnapshot.DECLINED);
		Ticket next = feed.create("acc-duel", duel.pool, "p-" + UUID.randomUUID());
		MatchProposal second = awaitProposed(duel.b);
		assertThat(second.id()).isNotEqualTo(duel.proposal.id());
		assertThat(awaitProposed(next).id()).isEqualTo(second.id());
		assertThat(feed.find(duel.b.id()).ticket().createdAt()).isEqualTo(duel.b.createdAt());
		accept(duel.b, second);
		accept(next, second);
		assertThat(awaitState(duel.b, TicketState.MATCHED).match().participants()).hasSize(2);
	}

	@Test
	void atTheDeadlineTheEngineDropsTheProposalAndRematchesWhoAccepted() {
		Duel duel = Duel.proposed();
		accept(duel.a);
		TicketSnapshot timedOut = awaitState(duel.b, TicketState.CANCELLED);
		assertThat(timedOut.reason()).isEqualTo(TicketSnapshot.ACCEPTANCE_TIMEOUT);
		assertThat(awaitState(duel.a, TicketState.SEARCHING).proposal()).isNull();
		Ticket next = feed.create("acc-duel", duel.pool, "p-" + UUID.randomUUID());
		assertThat(awaitProposed(next).id()).isEqualTo(awaitProposed(duel.a).id());
	}

	@Test
	void concurrentAcceptAndDeclineLeaveOneOutcomeAndTheEngineFollowsIt() {
		for (int round = 0; round < 5; round++) {
			Duel duel = Duel.proposed();
			accept(duel.a);
			Mono<ProposalResult> accepting = Mono
				.defer(() -> proposals.accept(duel.proposal.id(), duel.b.id(), List.of(playerOf(duel.b))))
				.subscribeOn(Schedulers.parallel());
			Mono<ProposalResult> declining = Mono.defer(() -> proposals.decline(duel.proposal.id(), duel.a.id()))
				.subscribeOn(Schedulers.parallel());
			Mono.zip(accepting, declining).block(WAIT);
			TicketState a = feed.find(duel.a.id()).state();
			TicketState b = feed.find(duel.b.id()).state();
			if (a == TicketState.MATCHED) {
				assertThat(b).isEqualTo(TicketState.MATCHED);
			}
			else {
				assertThat(a).isEqualTo(TicketState.CANCELLED);
				assertThat(b).isEqualTo(TicketState.SEARCHING);
				Ticket next = feed.create("acc-duel", duel.pool, "p-" + UUID.randomUUID());
				MatchProposal again = awaitProposed(duel.b);
				accept(duel.b, again);
				accept(next, again);
				awaitState(duel.b, TicketState.MATCHED);
			}
		}
	}

	@Test
	void anEngineKilledMidProposalIsReplacedByOneThatAppliesTheDeadline() throws Exception {
		engine.close();
		Process killed = EngineInstances.startProcess(GROUP, FreePorts.next(),
				Path.of("target", "engine-acceptance-killed.log"), PROFILES);
		try {
			await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
				.until(() -> EngineInstances.membersWithPartitions(GROUP) == 1);
			Duel duel = Duel.proposed();
			accept(duel.a);
			// SIGKILL: no shutdown, no commit, no deadline applied by the proposer
			killed.destroyForcibly().waitFor();
			engine = EngineInstances.start(GROUP, PROFILES);
			TicketSnapshot timedOut = awaitState(duel.b, TicketState.CANCELLED);
			assertThat(timedOut.reason()).isEqualTo(TicketSnapshot.ACCEPTANCE_TIMEOUT);
			awaitState(duel.a, TicketState.SEARCHING);
			Ticket next = feed.create("acc-duel", duel.pool, "p-" + UUID.randomUUID());
			MatchProposal again = awaitProposed(next);
			assertThat(awaitProposed(duel.a).id()).isEqualTo(again.id());
			accept(duel.a, again);
			accept(next, again);
			assertThat(awaitState(duel.a, TicketState.MATCHED).match().participants()).extracting((p) -> p.id())
				.containsExactlyInAnyOrder(playerOf(duel.a), playerOf(next));
		}
		finally {
			killed.destroyForcibly();
		}
	}

	/** Two tickets of a fresh pool, proposed to each other by the engine. */
	private record Duel(String pool, Ticket a, Ticket b, MatchProposal proposal) {

		static Duel proposed() {
			String pool = "acc-" + UUID.randomUUID().toString().substring(0, 8);
			Ticket a = feed.create("acc-duel", pool, "p-" + UUID.randomUUID());
			Ticket b = feed.create("acc-duel", pool, "p-" + UUID.randomUUID());
			MatchProposal proposal = awaitProposed(a);
			assertThat(awaitProposed(b).id()).isEqualTo(proposal.id());
			return new Duel(pool, a, b, proposal);
		}

	}

	private static void accept(Ticket ticket) {
		accept(ticket, feed.find(ticket.id()).proposal());
	}

	private static void accept(Ticket ticket, MatchProposal proposal) {
		proposals.accept(proposal.id(), ticket.id(), List.of(playerOf(ticket))).block();
	}

	private static String playerOf(Ticket ticket) {
		return ticket.players().get(0).id();
	}

	private static MatchProposal awaitProposed(Ticket ticket) {
		return awaitState(ticket, TicketState.PROPOSED).proposal();
	}

	private static TicketSnapshot awaitState(Ticket ticket, TicketState state) {
		await().atMost(WAIT).until(() -> feed.find(ticket.id()).state() == state);
		return feed.find(ticket.id());
	}

}
