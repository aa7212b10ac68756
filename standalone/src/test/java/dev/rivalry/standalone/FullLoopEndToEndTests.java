package dev.rivalry.standalone;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.rivalry.client.AllocationGrant;
import dev.rivalry.client.GameServer;
import dev.rivalry.client.PlayerClient;
import dev.rivalry.client.ProblemException;
import dev.rivalry.client.RivalryClient;
import dev.rivalry.client.Ticket;
import dev.rivalry.tokens.Participant;
import dev.rivalry.standalone.example.ClientExample;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * The whole loop ({@link FullLoop}) on the test Redis; docs/client.md's example
 * ({@link ClientExample}) run as written, in {@code us} so that the loop's server in
 * {@code eu} takes none of its matches; and the {@code arena} profile's ready check: players
 * see their match proposed on their streams and accept it with their own tokens before it
 * is formed; a decline returns the other player, matched next with the wait it had.
 */
class FullLoopEndToEndTests extends FullLoop {

	static final Duration WAIT = Duration.ofSeconds(60);

	@Override
	Services newServices() {
		return new Services("e2e-full-loop");
	}

	@Test
	void theClientExampleOfTheDocsPlaysADuelThroughTheWholeStack() {
		RivalryClient rivalry = this.services.client();
		GameServer server = ClientExample.startGameServer(rivalry, Services.FLEET_KEY);
		try {
			String ann = "ann-" + UUID.randomUUID();
			String bob = "bob-" + UUID.randomUUID();
			List<AllocationGrant> grants = Flux
				.merge(ClientExample.findAMatch(rivalry, ann, this.players.token(List.of(ann))),
						ClientExample.findAMatch(rivalry, bob, this.players.token(List.of(bob))))
				.collectList()
				.block(Duration.ofSeconds(60));
			assertThat(grants).hasSize(2).allSatisfy((grant) -> assertThat(grant.conn()).isEqualTo("203.0.113.7:7777"));

			List<String> inside = Flux.fromIterable(grants)
				.concatMap((grant) -> ClientExample.onPlayerConnected(server, grant.token()))
				.collectList()
				.block(Duration.ofSeconds(30));
			assertThat(inside).containsExactlyInAnyOrder(ann, bob);

			ClientExample.onMatchOver(server, List.of(1, 2)).block(Duration.ofSeconds(30));
			assertThat(server.currentAllocation()).as("ready again: no current match").isEmpty();
			double annMu = this.players.ratings(ann).block(Duration.ofSeconds(10)).ratings().get("duel").mu();
			double bobMu = this.players.ratings(bob).block(Duration.ofSeconds(10)).ratings().get("duel").mu();
			assertThat(annMu + bobMu).isCloseTo(2 * INITIAL_MU, within(1.0));
			assertThat(annMu).isNotEqualTo(INITIAL_MU);
		}
		finally {
			server.deregister().onErrorComplete().block(Duration.ofSeconds(10));
			server.close();
		}
	}

	@Test
	void twoArenaPlayersAcceptTheirMatchAndPlayItThrough() {
		server.ready().block(WAIT);
		Arena alice = Arena.queue(this.players, "alice");
		Arena bob = Arena.queue(this.players, "bob");
		Ticket proposed = alice.await("PROPOSED");
		assertThat(proposed.match()).isNull();
		assertThat(proposed.proposal().players()).isEqualTo(2);
		assertThat(bob.await("PROPOSED").proposal().id()).isEqualTo(proposed.proposal().id());

		alice.client().accept(alice.ticketId()).block(WAIT);
		assertThat(bob.awaitProposal((p) -> p.accepted().contains(alice.player()))).isNotNull();
		alice.client().accept(alice.ticketId()).block(WAIT);
		bob.client().accept(bob.ticketId()).block(WAIT);
		Ticket matched = alice.await("MATCHED");
		alice.client().accept(alice.ticketId()).block(WAIT);

		String matchId = matched.match().id();
		for (Arena player : List.of(alice, bob)) {
			AllocationGrant grant = this.players.allocate(player.ticketId(), player.player()).block(WAIT);
			assertThat(grant.matchId()).isEqualTo(matchId);
			server.allocations().filter((a) -> a.matchId().equals(matchId)).blockFirst(WAIT);
			server.admit(grant.token()).block(WAIT);
		}
		String winner = matched.match().participants().stream().filter((p) -> p.team() == 0).findFirst()
			.map(Participant::id).orElseThrow();
		server.reportResults(List.of(1, 2)).block(WAIT);
		assertThat(this.players.ratings(winner).block(WAIT).ratings().get("arena").mu()).isGreaterThan(INITIAL_MU);
	}

	@Test
	void aDeclineReturnsTheOtherPlayerWhoIsMatchedNextWithItsOriginalWait() {
		Arena alice = Arena.queue(this.players, "alice");
		Arena bob = Arena.queue(this.players, "bob");
		Ticket first = bob.await("PROPOSED");
		bob.client().accept(bob.ticketId()).block(WAIT);
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> alice.client().accept(bob.ticketId()).block(WAIT))
			.satisfies((problem) -> assertThat(problem.status()).isEqualTo(404));
		alice.client().decline(alice.ticketId()).block(WAIT);
		Ticket declined = alice.await("CANCELLED");
		assertThat(declined.reason()).isEqualTo("declined");
		assertThat(bob.await("SEARCHING").proposal()).isNull();
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> bob.client().accept(bob.ticketId()).block(WAIT))
			.satisfies((problem) -> assertThat(problem.slug()).isEqualTo("no-open-proposal"));

		Arena carol = Arena.queue(this.players, "carol");
		Ticket second = bob.await("PROPOSED");
		assertThat(second.proposal().id()).isNotEqualTo(first.proposal().id());
		assertThat(second.createdAt()).as("the original wait").isEqualTo(first.createdAt());
		assertThat(carol.await("PROPOSED").proposal().id()).isEqualTo(second.proposal().id());
		bob.client().accept(bob.ticketId()).block(WAIT);
		carol.client().accept(carol.ticketId()).block(WAIT);
		assertThat(bob.await("MATCHED").match().participants()).extracting(Participant::id)
			.containsExactlyInAnyOrder(bob.player(), carol.player());
	}

	@Test
	void aCancelDuringAProposalCountsAsADecline() {
		Arena alice = Arena.queue(this.players, "alice");
		Arena bob = Arena.queue(this.players, "bob");
		alice.await("PROPOSED");
		alice.client().cancel(alice.ticketId()).block(WAIT);
		assertThat(alice.await("CANCELLED").reason()).isEqualTo("declined");
		bob.await("SEARCHING");
		bob.client().cancel(bob.ticketId()).block(WAIT);
	}

	/** A player queued for {@code arena} in eu, answering with its own player token. */
	private record Arena(String player, PlayerClient client, String ticketId) {

		static Arena queue(Players players, String name) {
			String player = name + "-" + UUID.randomUUID();
			Ticket ticket = players.queue(List.of(player), "arena").block(WAIT);
			return new Arena(player, players.player(player), ticket.id());
		}

		/** The first state on the ticket's event stream that is the one asked for. */
		Ticket await(String state) {
			return this.client.stream(this.ticketId).filter((ticket) -> state.equals(ticket.state())).blockFirst(WAIT);
		}

		Ticket.Proposal awaitProposal(java.util.function.Predicate<Ticket.Proposal> condition) {
			return this.client.stream(this.ticketId)
				.mapNotNull(Ticket::proposal)
				.filter(condition)
				.blockFirst(WAIT);
		}

	}

}
