package dev.rivalry.engine;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import dev.rivalry.testsupport.ServicePorts;
import dev.rivalry.testsupport.http.Prometheus;
import dev.rivalry.testsupport.http.TestClients;
import dev.rivalry.tickets.Ticket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * What an operator reads from an engine, against real Kafka and Redis: the actuator and
 * {@code GET /v1/pools} answer on the management port and nowhere on the public port
 * (docs/operations.md, "Ports: what is public on each"); a pool emptied leaves the listing
 * after the grace period, and a ticket of its key brings it back.
 */
class OperatorSurfaceIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	static ConfigurableApplicationContext engine;

	static TicketFeed feed;

	@BeforeAll
	static void start() {
		feed = new TicketFeed();
		engine = EngineInstances.start("engine-operator", Map.of("rivalry.engine.pool-eviction.grace", "1s",
				"rivalry.engine.pool-eviction.interval", "200ms"));
	}

	@AfterAll
	static void stop() {
		engine.close();
		feed.close();
	}

	static Stream<Arguments> operatorPaths() {
		return Stream.of(arguments("/v1/pools"), arguments("/actuator/health"), arguments("/actuator/health/readiness"),
				arguments("/actuator/prometheus"), arguments("/actuator/metrics"));
	}

	@ParameterizedTest
	@MethodSource("operatorPaths")
	void theManagementPortAnswersWhatThePublicPortDoesNot(String path) {
		management().get().uri(path).exchange().expectStatus().isOk();
		TestClients.localhost(ServicePorts.publicPort(engine)).get().uri(path).exchange().expectStatus().isNotFound();
	}

	@Test
	void thePublicPortServesNothingNotEvenAnApiDocument() {
		TestClients.localhost(ServicePorts.publicPort(engine)).get().uri("/v3/api-docs").exchange().expectStatus().isNotFound();
		TestClients.localhost(ServicePorts.publicPort(engine)).get().uri("/").exchange().expectStatus().isNotFound();
	}

	@Test
	void anEmptiedPoolLeavesTheListingAfterTheGraceAndATicketBringsItBack() {
		String region = "gone-" + UUID.randomUUID();
		Ticket ticket = feed.create(region);
		await().atMost(PATIENCE).until(() -> Integer.valueOf(1).equals(waiting(region)));

		feed.cancel(ticket);

		await().atMost(PATIENCE).until(() -> waiting(region) == null);
		Ticket again = feed.create(region);
		await().atMost(PATIENCE).until(() -> Integer.valueOf(1).equals(waiting(region)));
		assertThat(Prometheus.scrape(management())).containsPattern("rivalry_engine_pools_evicted_total\\{.*profile=\"duel\".*\\} [1-9]")
			.contains("rivalry_engine_pools{");
		// Other test classes' engines read the same topic: a ticket left waiting would hold
		// their partitions' low-water marks back (EngineIntegrationTests waits on them).
		feed.cancel(again);
	}

	/** @return the tickets waiting in the pool as {@code GET /v1/pools} shows it, or null when it is not listed */
	private static Integer waiting(String pool) {
		JsonNode pools = management().get()
			.uri("/v1/pools")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		for (JsonNode listed : pools.values()) {
			if (listed.get("pool").asString().equals(pool)) {
				assertThat(listed.get("profile").asString()).isEqualTo("duel");
				assertThat(listed.has("partition") && listed.has("oldestWaitMillis") && listed.has("matchesFormed"))
					.isTrue();
				return listed.get("waiting").asInt();
			}
		}
		return null;
	}

	private static WebTestClient management() {
		return TestClients.localhost(ServicePorts.managementPort(engine));
	}

}
