package dev.rivalry.standalone;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.rivalry.matchmaker.ticket.TicketView;
import dev.rivalry.serverlist.client.Allocation;
import dev.rivalry.serverlist.client.ReferenceGameServer;
import dev.rivalry.tickets.TicketState;
import dev.rivalry.tokens.Participant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The whole loop, on the Redis a subclass gives it, with every token from its real issuer: two players queue with their
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

	ReferenceGameServer server;

	/** @return the services to play the loop on, not started yet */
	abstract Services newServices();

	@BeforeAll
	void start() {
		this.services = newServices().start();
		server = ReferenceGameServer.builder(services.serverlistUri())
			.matchmaker(services.matchmakerUri())
			.fleetKey(Services.FLEET_KEY)
			.address("127.0.0.1:7777")
			.region("eu")
			.heartbeatPeriod(Duration.ofSeconds(1))
			.build();
		server.start().block(Duration.ofSeconds(30));
	}

	@AfterAll
	void stop() {
		server.deregister().onErrorComplete().block(Duration.ofSeconds(10));
		server.close();
		services.close();
	}

	@Test
	void aDuelIsPlayedAndReportedAndTheRatingsMoveByTheReferenceAmounts() {
		server.ready().block(Duration.ofSeconds(10));
		WebTestClient matchmaker = services.matchmaker();
		List<TicketView> matched = matchedDuel(matchmaker);
		assertThat(matched).hasSize(2).allSatisfy((ticket) -> assertThat(ticket.state()).isEqualTo(TicketState.MATCHED));
		String matchId = matched.get(0).match().id();

		for (TicketView ticket : matched) {
			String player = ticket.players().get(0).id();
			Map<String, Object> allocation = allocate(ticket.match().tokens().get(player));
			assertThat(allocation).containsEntry("matchId", matchId).containsEntry("conn", "127.0.0.1:7777");
			Allocation current = server.allocations().filter((a) -> a.matchId().equals(matchId)).blockFirst(Duration.ofSeconds(30));
			assertThat(current.participants()).isEqualTo(ticket.match().participants());
			assertThat(server.admit((String) allocation.get("token")).block(Duration.ofSeconds(10)).playerId())
				.isEqualTo(player);
		}

		List<Participant> participants = matched.get(0).match().participants();
		String winner = participants.stream().filter((p) -> p.team() == 0).findFirst().orElseThrow().id();
		String loser = participants.stream().filter((p) -> p.team() == 1).findFirst().orElseThrow().id();
		server.reportResults(List.of(1, 2)).block(Duration.ofSeconds(30));

		assertThat(mu(matchmaker, winner)).isCloseTo(60 * 27.6354, within(0.01));
		assertThat(mu(matchmaker, loser)).isCloseTo(60 * 22.3646, within(0.01));
		Throwable replay = server.reportResults(List.of(2, 1)).then(Mono.<Throwable>empty())
			.onErrorResume(Mono::just)
			.block(Duration.ofSeconds(30));
		assertThat(replay).as("a second report of the match").isNotNull().hasMessageContaining("409");
		assertThat(mu(matchmaker, winner)).isCloseTo(60 * 27.6354, within(0.01));
	}

	@Test
	void aPlayerWhoLeavesADuelIsReplacedInTheSameMatchOnTheSameServerAndEveryRatingMoves() {
		server.ready().block(Duration.ofSeconds(10));
		WebTestClient matchmaker = services.matchmaker();
		List<TicketView> matched = matchedDuel(matchmaker);
		String matchId = matched.get(0).match().id();
		for (TicketView ticket : matched) {
			String player = ticket.players().get(0).id();
			String allocationToken = (String) allocate(ticket.match().tokens().get(player)).get("token");
			server.allocations().filter((a) -> a.matchId().equals(matchId)).blockFirst(Duration.ofSeconds(30));
			server.admit(allocationToken).block(Duration.ofSeconds(10));
		}

		// the player on team 2 leaves; the server asks for a replacement on that team
		String leaver = matched.get(0).match().participants().stream().filter((p) -> p.team() == 1).findFirst()
			.orElseThrow().id();
		Map<String, Object> backfill = server.requestBackfill(List.of(Map.of("team", 2, "count", 1)), Duration.ofMinutes(1))
			.block(Duration.ofSeconds(10));
		assertThat(backfill).containsEntry("matchId", matchId).containsEntry("state", "SEARCHING");

		String carol = "carol-" + UUID.randomUUID();
		TicketView joined = matchedTicket(matchmaker, carol).block(Duration.ofSeconds(60));
		assertThat(joined.state()).isEqualTo(TicketState.MATCHED);
		assertThat(joined.match().id()).isEqualTo(matchId);
		assertThat(joined.match().backfill()).isTrue();
		assertThat(joined.match().participants()).hasSize(3).contains(new Participant(carol, 1));

		Map<String, Object> allocation = allocate(joined.match().tokens().get(carol));
		assertThat(allocation).containsEntry("matchId", matchId).containsEntry("conn", "127.0.0.1:7777");
		Allocation grown = server.backfills().filter((a) -> a.matchId().equals(matchId)).blockFirst(Duration.ofSeconds(30));
		assertThat(grown.participants()).contains(new Participant(carol, 1));
		assertThat(server.admit((String) allocation.get("token")).block(Duration.ofSeconds(10)).playerId()).isEqualTo(carol);
		assertThat(backfillState(matchmaker, (String) backfill.get("id"))).isEqualTo("FILLED");

		String winner = matched.get(0).match().participants().stream().filter((p) -> p.team() == 0).findFirst()
			.orElseThrow().id();
		server.reportResults(List.of(1, 2)).block(Duration.ofSeconds(30));
		assertThat(mu(matchmaker, winner)).isGreaterThan(INITIAL_MU);
		assertThat(mu(matchmaker, leaver)).isLessThan(INITIAL_MU);
		assertThat(mu(matchmaker, carol)).isLessThan(INITIAL_MU);
	}

	private String backfillState(WebTestClient matchmaker, String id) {
		return (String) server.readBackfill(id).block(Duration.ofSeconds(10)).get("state");
	}

	/** A solo ticket of the player in eu, created with the player's token. */
	TicketView queue(String player, String token, String mode) {
		return services.matchmaker()
			.post()
			.uri("/v1/tickets")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("players", List.of(Map.of("id", player)), "attributes", Map.of("mode", mode, "region", "eu")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(TicketView.class)
			.returnResult()
			.getResponseBody();
	}

	/** The ticket's event stream, as its player reads it. */
	Flux<ServerSentEvent<TicketView>> events(String ticketId, String token) {
		return services.matchmaker()
			.get()
			.uri("/v1/tickets/{id}/events", ticketId)
			.headers((headers) -> headers.setBearerAuth(token))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<TicketView>>() {
			})
			.getResponseBody();
	}

	Map<String, Object> allocate(String matchToken) {
		return services.serverlist()
			.post()
			.uri("/v1/allocations")
			.headers((headers) -> headers.setBearerAuth(matchToken))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	/** Two new players queue for a duel in eu; each ticket is followed to its last state. */
	private List<TicketView> matchedDuel(WebTestClient matchmaker) {
		return Flux.merge(matchedTicket(matchmaker, "alice-" + UUID.randomUUID()),
				matchedTicket(matchmaker, "bob-" + UUID.randomUUID()))
			.collectList()
			.block(Duration.ofSeconds(60));
	}

	private Mono<TicketView> matchedTicket(WebTestClient matchmaker, String player) {
		String token = services.playerToken(player);
		TicketView ticket = queue(player, token, "duel");
		return events(ticket.id(), token)
			.filter((event) -> event.data() != null)
			.map(ServerSentEvent::data)
			.last();
	}

	private static double mu(WebTestClient matchmaker, String player) {
		return mu(matchmaker, player, "duel");
	}

	static double mu(WebTestClient matchmaker, String player, String profile) {
		Map<?, ?> body = matchmaker.get()
			.uri("/v1/players/{id}/ratings", player)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<?, ?> duel = (Map<?, ?>) ((Map<?, ?>) body.get("ratings")).get(profile);
		return ((Number) duel.get("mu")).doubleValue();
	}

}
