package dev.rivalry.matchmaker.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.rivalry.matchmaker.MatchmakerIntegrationTest;
import dev.rivalry.matchmaker.TicketFixtures;
import dev.rivalry.matchmaker.ticket.TicketView;
import dev.rivalry.testsupport.TestIdentity;
import dev.rivalry.tickets.MatchOutcome;
import dev.rivalry.tickets.TicketState;
import dev.rivalry.tickets.TicketStore;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.rivalry.matchmaker.TicketFixtures.player;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A ticket belongs to its players: the hijack of issue 12 (another player cancelling a
 * search or taking a match token), party agreement, trusted back ends, and streams that
 * outlive their token.
 */
@MatchmakerIntegrationTest
class TicketOwnershipIntegrationTests {

	private static final String PROBLEM = "https://rivalry.dev/problems/";

	@LocalServerPort
	int port;

	@Autowired
	TicketStore store;

	@Test
	void anotherPlayerLearnsNothingAboutATicketAndCannotTouchIt() {
		String alice = player("alice");
		String bob = player("bob");
		WebTestClient asAlice = as(TestIdentity.get().player(alice));
		WebTestClient asBob = as(TestIdentity.get().partyLeader(bob, alice));
		TicketView ticket = TicketFixtures.createDuel(asAlice, alice);
		// Bob cannot queue Alice alone ...
		asBob.post().uri("/v1/tickets").contentType(MediaType.APPLICATION_JSON).bodyValue(TicketFixtures.duelRequest(alice))
			.exchange().expectStatus().isForbidden()
			.expectBody().jsonPath("$.type").isEqualTo(PROBLEM + "not-a-player").jsonPath("$.ticketId").doesNotExist();
		// ... and when Alice's conflict shows up in a ticket of his, the 409 does not name her ticket.
		asBob.post().uri("/v1/tickets").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("players", List.of(Map.of("id", bob), Map.of("id", alice)), "attributes",
					Map.of("mode", "squad", "region", "eu")))
			.exchange().expectStatus().isCreated();
		asBob.post().uri("/v1/tickets").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("players", List.of(Map.of("id", alice), Map.of("id", bob)), "attributes",
					Map.of("mode", "squad", "region", "eu")))
			.exchange().expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").isEqualTo(PROBLEM + "active-ticket-exists").jsonPath("$.ticketId").doesNotExist();
		asBob.get().uri("/v1/tickets/{id}", ticket.id()).exchange().expectStatus().isNotFound()
			.expectBody().jsonPath("$.type").isEqualTo(PROBLEM + "ticket-not-found");
		TicketFixtures.requestEvents(asBob, ticket.id()).expectStatus().isNotFound();
		asBob.delete().uri("/v1/tickets/{id}", ticket.id()).exchange().expectStatus().isNotFound();
		assertThat(this.store.find(ticket.id()).block().state()).isEqualTo(TicketState.SEARCHING);
		// Alice herself is told which of her tickets is active.
		asAlice.post().uri("/v1/tickets").contentType(MediaType.APPLICATION_JSON).bodyValue(TicketFixtures.duelRequest(alice))
			.exchange().expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.ticketId").isEqualTo(ticket.id());
		// Matched, her token is hers alone.
		TicketView carolTicket = TicketFixtures.createDuel(TicketFixtures.client(this.port), player("carol"));
		assertThat(TicketFixtures.match(this.store, "duel", ticket, carolTicket)).isInstanceOf(MatchOutcome.Formed.class);
		asBob.get().uri("/v1/tickets/{id}", ticket.id()).exchange().expectStatus().isNotFound();
		asAlice.get().uri("/v1/tickets/{id}", ticket.id()).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.match.tokens.length()").isEqualTo(1).jsonPath("$.match.tokens['" + alice + "']").isNotEmpty();
	}

	@Test
	void aPartyTicketNeedsEveryOtherMemberInTheLeadersPartyClaim() {
		String leader = player("leader");
		String m1 = player("m1");
		String m2 = player("m2");
		Map<String, Object> squad = Map.of("players", List.of(Map.of("id", leader), Map.of("id", m1), Map.of("id", m2)),
				"attributes", Map.of("mode", "squad", "region", "eu"));
		for (String token : List.of(TestIdentity.get().player(leader), TestIdentity.get().partyLeader(leader, m1))) {
			as(token).post().uri("/v1/tickets").contentType(MediaType.APPLICATION_JSON).bodyValue(squad)
				.exchange().expectStatus().isForbidden()
				.expectBody().jsonPath("$.type").isEqualTo(PROBLEM + "party-not-agreed").jsonPath("$.claim").isEqualTo("party");
		}
		TicketView ticket = TicketFixtures.create(as(TestIdentity.get().partyLeader(leader, m1, m2)), squad);
		// Every member may follow the party's ticket with its own token, and sees only its own match token.
		WebTestClient asMember = as(TestIdentity.get().player(m1));
		asMember.get().uri("/v1/tickets/{id}", ticket.id()).exchange().expectStatus().isOk();
		String[] rivals = { player("r1"), player("r2"), player("r3") };
		TicketView rivalTicket = TicketFixtures.create(as(TestIdentity.get().partyLeader(rivals[0], rivals[1], rivals[2])),
				Map.of("players", List.of(Map.of("id", rivals[0]), Map.of("id", rivals[1]), Map.of("id", rivals[2])),
						"attributes", Map.of("mode", "squad", "region", "eu")));
		assertThat(TicketFixtures.match(this.store, "squad", ticket, rivalTicket)).isInstanceOf(MatchOutcome.Formed.class);
		asMember.get().uri("/v1/tickets/{id}", ticket.id()).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.match.tokens.length()").isEqualTo(1).jsonPath("$.match.tokens['" + m1 + "']").isNotEmpty();
	}

	@Test
	void aTrustedBackEndActsForAnyPlayerAndSeesEveryToken() {
		WebTestClient backend = TicketFixtures.client(this.port);
		String p1 = player("p1");
		String p2 = player("p2");
		TicketView ticket = TicketFixtures.create(backend, Map.of("players", List.of(Map.of("id", p1), Map.of("id", p2)),
				"attributes", Map.of("mode", "squad", "region", "us")));
		TicketView rivals = TicketFixtures.create(backend, Map.of("players", List.of(Map.of("id", player("q1")),
				Map.of("id", player("q2"))), "attributes", Map.of("mode", "squad", "region", "us")));
		TicketFixtures.match(this.store, "squad", ticket, rivals);
		backend.get().uri("/v1/tickets/{id}", ticket.id()).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.match.tokens.length()").isEqualTo(2);
		String p3 = player("p3");
		TicketView duel = TicketFixtures.createDuel(backend, p3);
		backend.post().uri("/v1/tickets").contentType(MediaType.APPLICATION_JSON).bodyValue(TicketFixtures.duelRequest(p3))
			.exchange().expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.ticketId").isEqualTo(duel.id());
	}

	@Test
	void readingAMatchedTicketAgainServesTheSameSignedToken() {
		String dee = player("dee");
		WebTestClient asDee = as(TestIdentity.get().player(dee));
		TicketView ticket = TicketFixtures.createDuel(asDee, dee);
		TicketFixtures.match(this.store, "duel", ticket, TicketFixtures.createDuel(TicketFixtures.client(this.port), player("eve")));
		assertThat(matchToken(asDee, ticket.id(), dee)).isEqualTo(matchToken(asDee, ticket.id(), dee));
	}

	@Test
	void aStreamOutlivesItsTokenAndAReconnectionNeedsAValidOne() {
		String finn = player("finn");
		// Long enough to open the stream on a loaded machine (BlockHound's first calls are slow).
		Instant expiresAt = Instant.now().plusSeconds(6);
		String shortLived = TestIdentity.get().tokens().sign(finn, Map.of(), Duration.between(Instant.now(), expiresAt)).token();
		WebTestClient asFinn = as(shortLived);
		TicketView ticket = TicketFixtures.createDuel(asFinn, finn);
		StepVerifier.create(TicketFixtures.TICKET_EVENTS.data(TicketFixtures.eventsOf(asFinn, ticket.id()))
			.map(TicketView::state))
			.expectNext(TicketState.SEARCHING)
			// Past the token's expiry and the configured clock skew (matchmaker-test.yml: 1 s) ...
			.then(() -> await().atMost(Duration.ofSeconds(15)).until(() -> Instant.now().isAfter(expiresAt.plusSeconds(2))))
			// ... the stream still delivers the match.
			.then(() -> TicketFixtures.match(this.store, "duel", ticket,
					TicketFixtures.createDuel(TicketFixtures.client(this.port), player("gail"))))
			.expectNext(TicketState.MATCHED)
			.expectComplete()
			.verify(Duration.ofSeconds(30));
		TicketFixtures.requestEvents(asFinn, ticket.id()).expectStatus().isUnauthorized();
	}

	private WebTestClient as(String token) {
		return TicketFixtures.clientAs(this.port, token);
	}

	private static String matchToken(WebTestClient client, String ticketId, String playerId) {
		return client.get().uri("/v1/tickets/{id}", ticketId).exchange().expectStatus().isOk()
			.expectBody(TicketView.class).returnResult().getResponseBody().match().tokens().get(playerId);
	}

}
