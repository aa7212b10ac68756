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
 */
@TestInstance(Lifecycle.PER_CLASS)
abstract class FullLoop {

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
		WebTestClient matchmaker = services.matchmaker();
		String alice = "alice-" + UUID.randomUUID();
		String bob = "bob-" + UUID.randomUUID();
		List<TicketView> matched = Flux.merge(matchedTicket(matchmaker, alice), matchedTicket(matchmaker, bob))
			.collectList()
			.block(Duration.ofSeconds(60));
		assertThat(matched).hasSize(2).allSatisfy((ticket) -> assertThat(ticket.state()).isEqualTo(TicketState.MATCHED));
		String matchId = matched.get(0).match().id();

		for (TicketView ticket : matched) {
			String player = ticket.players().get(0).id();
			Map<String, Object> allocation = services.serverlist()
				.post()
				.uri("/v1/allocations")
				.headers((headers) -> headers.setBearerAuth(ticket.match().tokens().get(player)))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
				})
				.returnResult()
				.getResponseBody();
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

	private Mono<TicketView> matchedTicket(WebTestClient matchmaker, String player) {
		String token = services.playerToken(player);
		TicketView ticket = matchmaker.post()
			.uri("/v1/tickets")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("players", List.of(Map.of("id", player)), "attributes", Map.of("mode", "duel", "region", "eu")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(TicketView.class)
			.returnResult()
			.getResponseBody();
		return matchmaker.get()
			.uri("/v1/tickets/{id}/events", ticket.id())
			.headers((headers) -> headers.setBearerAuth(token))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<TicketView>>() {
			})
			.getResponseBody()
			.filter((event) -> event.data() != null)
			.map(ServerSentEvent::data)
			.last();
	}

	private static double mu(WebTestClient matchmaker, String player) {
		Map<?, ?> body = matchmaker.get()
			.uri("/v1/players/{id}/ratings", player)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<?, ?> duel = (Map<?, ?>) ((Map<?, ?>) body.get("ratings")).get("duel");
		return ((Number) duel.get("mu")).doubleValue();
	}

}
