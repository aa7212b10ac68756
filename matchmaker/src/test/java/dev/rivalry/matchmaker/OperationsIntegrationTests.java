package dev.rivalry.matchmaker;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.rivalry.matchmaker.TicketFixtures.player;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators and client authors rely on: health, metrics, the API description and
 * the public keys.
 */
@MatchmakerIntegrationTest
class OperationsIntegrationTests {

	@LocalServerPort
	int port;

	WebTestClient client;

	@BeforeEach
	void connect() {
		this.client = TicketFixtures.client(this.port);
	}

	@Test
	void healthIsUp() {
		this.client.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.status").isEqualTo("UP");
	}

	@Test
	void ticketsCreatedAndRefusedAreCountedByProfileAndReason() {
		TicketFixtures.createDuel(this.client, player("metric"));
		this.client.post()
			.uri("/v1/tickets")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("players", List.of(Map.of("id", player("nobody"))), "attributes", Map.of("mode", "x")))
			.exchange()
			.expectStatus()
			.isEqualTo(422);
		String metrics = this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(metrics).containsPattern("rivalry_tickets_accepted_total\\{.*profile=\"duel\".*\\} [1-9]")
			.containsPattern("rivalry_tickets_refused_total\\{.*reason=\"no-matching-profile\".*\\} [1-9]")
			.contains("rivalry_sse_streams_active");
	}

	@Test
	void theApiIsDescribedInOpenApi() {
		this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.openapi").isNotEmpty()
			.jsonPath("$.paths['/v1/tickets'].post").exists()
			.jsonPath("$.paths['/v1/tickets/{id}/events'].get").exists()
			.jsonPath("$.paths['/v1/profiles'].get").exists()
			.jsonPath("$.components.securitySchemes.playerToken.scheme").isEqualTo("bearer")
			.jsonPath("$.paths['/v1/tickets'].post.security[0].playerToken").exists()
			.jsonPath("$.paths['/v1/tickets/{id}'].get.parameters[?(@.name == 'caller')]").isEmpty()
			.jsonPath("$.paths['/v1/matches/{matchId}/results'].post.security[0].reportToken").exists()
			.jsonPath("$.paths['/v1/profiles'].get.security").doesNotExist();
	}

	@Test
	void thePublicKeysAreServedAsAJwkSet() {
		this.client.get()
			.uri("/.well-known/jwks.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.keys[0].kid").isNotEmpty()
			.jsonPath("$.keys[0].d").doesNotExist();
	}

}
