package dev.rivalry.standalone;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.rivalry.client.Allocation;
import dev.rivalry.client.AllocationGrant;
import dev.rivalry.client.Backfill;
import dev.rivalry.client.GameServer;
import dev.rivalry.client.ProblemException;
import dev.rivalry.client.Ticket;
import dev.rivalry.tokens.Participant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * The whole loop through the client library (rivalry-client), on the Redis a subclass gives it, with every token from its real issuer: two players queue with their
 * player tokens from the development identity provider, the engine
 * matches them, each trades the matchmaker's match token for the serverlist's allocation
 * token, the reference game server verifies those locally, starts (the start confirmation
 * answers the serverlist's report token), and reports the result with that report token;
 * the winner's rating rises and the loser's falls by the OpenSkill reference amounts (x60:
 * 27.6354 and 22.3646 from 25 each). A second report of the match is refused.
 * <p>
 * Backfill, the same way: a started duel's second player leaves, the server asks for one
 * player on team 2 with its report token; a new player is matched into the same match,
 * allocated to the same server, which hears of the newcomer on its event stream; the
 * result is reported with the grown roster and every rating moves.
 */
@TestInstance(Lifecycle.PER_CLASS)
abstract class FullLoop {

	static final double INITIAL_MU = 25 * 60;

	Services services;

	Players players;

	GameServer server;

	/** @return the services to play the loop on, not started yet */
	abstract Services newServices();

	@BeforeAll
	void start() {
		this.services = newServices().start();
		this.players = new Players(this.services);
		this.server = this.services.startedGameServer("127.0.0.1:7777");
	}

	@AfterAll
	void stop() {
		// Whatever start() got to: a start that failed halfway still stops what it started.
		if (this.server != null) {
			this.server.deregister().onErrorComplete().block(Duration.ofSeconds(10));
			this.server.close();
		}
		if (this.services != null) {
			this.services.close();
		}
	}

	@Test
	void aDuelIsPlayedAndReportedAndTheRatingsMoveByTheReferenceAmounts() {
		server.ready().block(Duration.ofSeconds(10));
		List<Ticket> matched = matchedDuel();
		assertThat(matched).hasSize(2).allSatisfy((ticket) -> assertThat(ticket.state()).isEqualTo("MATCHED"));
		String matchId = matched.get(0).match().id();

		for (Ticket ticket : matched) {
			String player = ticket.players().get(0).id();
			AllocationGrant allocation = allocate(ticket, player);
			assertThat(allocation.matchId()).isEqualTo(matchId);
			assertThat(allocation.conn()).isEqualTo("127.0.0.1:7777");
			Allocation current = server.allocations().filter((a) -> a.matchId().equals(matchId)).blockFirst(Duration.ofSeconds(30));
			assertThat(current.participants()).isEqualTo(ticket.match().participants());
			assertThat(server.admit(allocation.token()).block(Duration.ofSeconds(10)).playerId()).isEqualTo(player);
		}

		List<Participant> participants = matched.get(0).match().participants();
		String winner = participants.stream().filter((p) -> p.team() == 0).findFirst().orElseThrow().id();
		String loser = participants.stream().filter((p) -> p.team() == 1).findFirst().orElseThrow().id();
		server.reportResults(List.of(1, 2)).block(Duration.ofSeconds(30));

		assertThat(mu(winner)).isCloseTo(60 * 27.6354, within(0.01));
		assertThat(mu(loser)).isCloseTo(60 * 22.3646, within(0.01));
		assertThatExceptionOfType(ProblemException.class).as("a second report of the match")
			.isThrownBy(() -> server.reportResults(List.of(2, 1)).block(Duration.ofSeconds(30)))
			.satisfies((problem) -> {
				assertThat(problem.status()).isEqualTo(409);
				assertThat(problem.slug()).isEqualTo("result-already-reported");
			});
		assertThat(mu(winner)).isCloseTo(60 * 27.6354, within(0.01));
	}

	@Test
	void aPlayerWhoLeavesADuelIsReplacedInTheSameMatchOnTheSameServerAndEveryRatingMoves() {
		server.ready().block(Duration.ofSeconds(10));
		List<Ticket> matched = matchedDuel();
		String matchId = matched.get(0).match().id();
		for (Ticket ticket : matched) {
			String allocationToken = allocate(ticket, ticket.players().get(0).id()).token();
			server.allocations().filter((a) -> a.matchId().equals(matchId)).blockFirst(Duration.ofSeconds(30));
			server.admit(allocationToken).block(Duration.ofSeconds(10));
		}

		// the player on team 2 leaves; the server asks for a replacement on that team
		String leaver = matched.get(0).match().participants().stream().filter((p) -> p.team() == 1).findFirst()
			.orElseThrow().id();
		Backfill backfill = server.requestBackfill(List.of(new Backfill.Slot(2, 1)), Duration.ofMinutes(1))
			.block(Duration.ofSeconds(10));
		assertThat(backfill.matchId()).isEqualTo(matchId);
		assertThat(backfill.state()).isEqualTo("SEARCHING");

		String carol = "carol-" + UUID.randomUUID();
		Ticket joined = matchedTicket(carol).block(Duration.ofSeconds(60));
		assertThat(joined.state()).isEqualTo("MATCHED");
		assertThat(joined.match().id()).isEqualTo(matchId);
		assertThat(joined.match().backfill()).isTrue();
		assertThat(joined.match().participants()).hasSize(3).contains(new Participant(carol, 1));

		AllocationGrant allocation = allocate(joined, carol);
		assertThat(allocation.matchId()).isEqualTo(matchId);
		assertThat(allocation.conn()).isEqualTo("127.0.0.1:7777");
		Allocation grown = server.backfills().filter((a) -> a.matchId().equals(matchId)).blockFirst(Duration.ofSeconds(30));
		assertThat(grown.participants()).contains(new Participant(carol, 1));
		assertThat(server.admit(allocation.token()).block(Duration.ofSeconds(10)).playerId()).isEqualTo(carol);
		assertThat(server.backfill(backfill.id()).block(Duration.ofSeconds(10)).state()).isEqualTo("FILLED");

		String winner = matched.get(0).match().participants().stream().filter((p) -> p.team() == 0).findFirst()
			.orElseThrow().id();
		server.reportResults(List.of(1, 2)).block(Duration.ofSeconds(30));
		assertThat(mu(winner)).isGreaterThan(INITIAL_MU);
		assertThat(mu(leaver)).isLessThan(INITIAL_MU);
		assertThat(mu(carol)).isLessThan(INITIAL_MU);
	}

	private AllocationGrant allocate(Ticket ticket, String player) {
		return this.players.allocate(ticket.id(), player).block(Duration.ofSeconds(30));
	}

	/** Two new players queue for a duel in eu; each ticket is followed to its last state. */
	private List<Ticket> matchedDuel() {
		return Flux.merge(matchedTicket("alice-" + UUID.randomUUID()), matchedTicket("bob-" + UUID.randomUUID()))
			.collectList()
			.block(Duration.ofSeconds(60));
	}

	private Mono<Ticket> matchedTicket(String player) {
		return this.players.queue(List.of(player), "duel").flatMap(this.players::finalState);
	}

	private double mu(String player) {
		return this.players.ratings(player).block(Duration.ofSeconds(10)).ratings().get("duel").mu();
	}

}
