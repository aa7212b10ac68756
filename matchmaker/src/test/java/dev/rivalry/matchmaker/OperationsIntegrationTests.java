package dev.rivalry.matchmaker;

import java.util.List;
import java.util.Map;

import dev.rivalry.testsupport.http.Prometheus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.rivalry.matchmaker.TicketFixtures.player;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators and client authors rely on: health, metrics and the dashboard on the
 * management port, and nothing of them on the public port (docs/operations.md, "Ports:
 * what is public on each"); the API description and the public keys.
 */
@MatchmakerIntegrationTest
class OperationsIntegrationTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	WebTestClient client;

	WebTestClient operator;

	@BeforeEach
	void connect() {
		this.client = TicketFixtures.client(this.port);
		this.operator = TicketFixtures.operator(this.managementPort);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/index.html", "/dashboard/dashboard.js", "/dashboard/dashboard.css", "/v1/dashboard",
			"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness", "/actuator/prometheus",
			"/actuator/metrics", "/actuator/info" })
	void whatAnOperatorReadsIsOnTheManagementPortAndNotOnThePublicPort(String path) {
		this.operator.get().uri(path).exchange().expectStatus().isOk();
		this.client.get().uri(path).exchange().expectStatus().isNotFound();
		TicketFixtures.clientAs(this.port, null).get().uri(path).exchange().expectStatus().isNotFound();
	}

	@Test
	void theDashboardsEventsAreNotOnThePublicPort() {
		this.client.get().uri("/v1/dashboard/events").exchange().expectStatus().isNotFound();
	}

	/**
	 * Even with a good credential: the service's web filters (the resource server's among
	 * them) run on both ports, so a request without one would be refused before it is found
	 * missing.
	 */
	@Test
	void whatPlayersCallIsNotOnTheManagementPort() {
		TicketFixtures.client(this.managementPort).post()
			.uri("/v1/tickets")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("players", List.of(Map.of("id", player("nobody"))), "attributes", Map.of("mode", "duel")))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.operator.get().uri("/v1/profiles").exchange().expectStatus().isNotFound();
		this.operator.get().uri("/v3/api-docs").exchange().expectStatus().isNotFound();
	}

	@Test
	void healthIsUp() {
		this.operator.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
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
		String metrics = Prometheus.scrape(this.operator);
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
