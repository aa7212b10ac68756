package dev.rivalry.standalone;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.rivalry.matchmaker.ticket.TicketView;
import dev.rivalry.tickets.TicketState;
import dev.rivalry.tokens.Participant;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole loop ({@link FullLoop}) on the test Redis, and the {@code arena} profile's ready
 * check end to end: players see their match proposed on their event streams and accept it
 * with their own tokens before it is formed; a decline returns the other player to the pool,
 * matched next with the wait it had.
 */
class FullLoopEndToEndTests extends FullLoop {

	static final Duration WAIT = Duration.ofSeconds(60);

	@Override
	Services newServices() {
		return new Services("e2e-full-loop");
	}

	@Test
	void twoArenaPlayersAcceptTheirMatchAndPlayItThrough() {
		server.ready().block(Duration.ofSeconds(10));
		Arena alice = Arena.queue(this, "alice");
		Arena bob = Arena.queue(this, "bob");
		TicketView proposed = alice.await(TicketState.PROPOSED);
		assertThat(proposed.match()).isNull();
		assertThat(proposed.proposal().players()).isEqualTo(2);
		assertThat(bob.await(TicketState.PROPOSED).proposal().id()).isEqualTo(proposed.proposal().id());

		assertThat(alice.answer("accept", 200).state()).isEqualTo(TicketState.PROPOSED);
		assertThat(bob.await(TicketState.PROPOSED).proposal().accepted()).containsExactly(alice.player);
		assertThat(alice.answer("accept", 200).proposal().accepted()).as("idempotent").hasSize(1);
		assertThat(bob.answer("accept", 200).state()).isEqualTo(TicketState.MATCHED);
		TicketView matched = alice.await(TicketState.MATCHED);
		assertThat(alice.answer("accept", 200).state()).as("idempotent once matched").isEqualTo(TicketState.MATCHED);

		String matchId = matched.match().id();
		for (Arena player : List.of(alice, bob)) {
			TicketView ticket = player.await(TicketState.MATCHED);
			Map<String, Object> allocation = allocate(ticket.match().tokens().get(player.player));
			assertThat(allocation).containsEntry("matchId", matchId);
			server.allocations().filter((a) -> a.matchId().equals(matchId)).blockFirst(WAIT);
			server.admit((String) allocation.get("token")).block(Duration.ofSeconds(10));
		}
		String winner = matched.match().participants().stream().filter((p) -> p.team() == 0).findFirst()
			.map(Participant::id).orElseThrow();
		server.reportResults(List.of(1, 2)).block(WAIT);
		assertThat(mu(services.matchmaker(), winner, "arena")).isGreaterThan(INITIAL_MU);
	}

	@Test
	void aDeclineReturnsTheOtherPlayerWhoIsMatchedNextWithItsOriginalWait() {
		Arena alice = Arena.queue(this, "alice");
		Arena bob = Arena.queue(this, "bob");
		TicketView first = bob.await(TicketState.PROPOSED);
		bob.answer("accept", 200);
		alice.refused(bob.ticketId, "accept", 404);
		TicketView declined = alice.answer("decline", 200);
		assertThat(declined.state()).isEqualTo(TicketState.CANCELLED);
		assertThat(declined.reason()).isEqualTo("declined");
		assertThat(bob.await(TicketState.SEARCHING).proposal()).isNull();
		assertThat(bob.refused(bob.ticketId, "accept", 409)).contains("no-open-proposal");

		Arena carol = Arena.queue(this, "carol");
		TicketView second = bob.await(TicketState.PROPOSED);
		assertThat(second.proposal().id()).isNotEqualTo(first.proposal().id());
		assertThat(second.createdAt()).as("the original wait").isEqualTo(first.createdAt());
		assertThat(carol.await(TicketState.PROPOSED).proposal().id()).isEqualTo(second.proposal().id());
		bob.answer("accept", 200);
		carol.answer("accept", 200);
		assertThat(bob.await(TicketState.MATCHED).match().participants()).extracting(Participant::id)
			.containsExactlyInAnyOrder(bob.player, carol.player);
	}

	@Test
	void aCancelDuringAProposalCountsAsADecline() {
		Arena alice = Arena.queue(this, "alice");
		Arena bob = Arena.queue(this, "bob");
		alice.await(TicketState.PROPOSED);
		services.matchmaker()
			.delete()
			.uri("/v1/tickets/{id}", alice.ticketId)
			.headers((headers) -> headers.setBearerAuth(alice.token))
			.exchange()
			.expectStatus()
			.isNoContent();
		assertThat(alice.await(TicketState.CANCELLED).reason()).isEqualTo("declined");
		bob.await(TicketState.SEARCHING);
		bob.cancel();
	}

	/** A player queued for {@code arena} in eu, with their own player token. */
	private record Arena(FullLoop loop, String player, String token, String ticketId) {

		static Arena queue(FullLoop loop, String name) {
			String player = name + "-" + UUID.randomUUID();
			String token = loop.services.playerToken(player);
			return new Arena(loop, player, token, loop.queue(player, token, "arena").id());
		}

		/** The first state pushed on the ticket's event stream that is the one asked for. */
		TicketView await(TicketState state) {
			return this.loop.events(this.ticketId, this.token)
				.filter((event) -> event.data() != null && event.data().state() == state)
				.map(ServerSentEvent::data)
				.blockFirst(WAIT);
		}

		TicketView answer(String answer, int status) {
			return this.loop.services.matchmaker()
				.post()
				.uri("/v1/tickets/{id}/{answer}", this.ticketId, answer)
				.headers((headers) -> headers.setBearerAuth(this.token))
				.exchange()
				.expectStatus()
				.isEqualTo(status)
				.expectBody(TicketView.class)
				.returnResult()
				.getResponseBody();
		}

		/** @return the problem body of an answer refused with the given status */
		String refused(String ticketId, String answer, int status) {
			return this.loop.services.matchmaker()
				.post()
				.uri("/v1/tickets/{id}/{answer}", ticketId, answer)
				.headers((headers) -> headers.setBearerAuth(this.token))
				.exchange()
				.expectStatus()
				.isEqualTo(status)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
		}

		void cancel() {
			this.loop.services.matchmaker()
				.delete()
				.uri("/v1/tickets/{id}", this.ticketId)
				.headers((headers) -> headers.setBearerAuth(this.token))
				.exchange()
				.expectStatus()
				.isNoContent();
		}

	}

}
