package dev.rivalry.matchmaker;

import java.time.Duration;

import dev.rivalry.testsupport.DedicatedRedis;
import dev.rivalry.testsupport.ServicePorts;
import dev.rivalry.testsupport.TestKafka;
import dev.rivalry.testsupport.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.rivalry.matchmaker.TicketFixtures.player;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis stops and starts again under a running matchmaker: meanwhile creates and reads are
 * {@code 503 store-unavailable} with {@code Retry-After} (never a 500, never a record on the
 * ticket stream), health is {@code DOWN}; afterwards the matchmaker has reconnected by itself,
 * health is {@code UP} and creates succeed.
 */
class RedisOutageIntegrationTests {

	static DedicatedRedis redis;

	static ConfigurableApplicationContext matchmaker;

	@BeforeAll
	static void start() {
		redis = TestRedis.startDedicated();
		matchmaker = MatchmakerInstances.start(TestKafka.bootstrapServers(), redis.endpoint().springProperties());
	}

	@AfterAll
	static void stop() {
		matchmaker.close();
		redis.close();
	}

	@Test
	void duringARedisRestartCreatesAreServiceUnavailableAndAfterItTheMatchmakerRecoversByItself() {
		WebTestClient client = TicketFixtures.client(ServicePorts.publicPort(matchmaker));
		WebTestClient operator = TicketFixtures.operator(ServicePorts.managementPort(matchmaker));
		String ticket = TicketFixtures.createDuel(client, player("before")).id();
		try (Footprints footprints = new Footprints(matchmaker.getBean(ReactiveStringRedisTemplate.class),
				redis.endpoint().keyPrefix(), TestKafka.bootstrapServers())) {
			Footprints.Snapshot before = footprints.take();
			redis.stop();
			create(client, player("during")).expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.valueEquals("Retry-After", "2")
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://rivalry.dev/problems/store-unavailable");
			client.get().uri("/v1/tickets/{id}", ticket).exchange().expectStatus().isEqualTo(503);
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> operator.get().uri("/actuator/health").exchange().expectStatus().isEqualTo(503));
			redis.start();
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> operator.get().uri("/actuator/health").exchange().expectStatus().isOk());
			assertThat(footprints.take().newSince(before)).as("keys written, records sent").isEmpty();
		}
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> create(client, player("after")).expectStatus().isCreated());
	}

	private static WebTestClient.ResponseSpec create(WebTestClient client, String playerId) {
		return client.post()
			.uri("/v1/tickets")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(TicketFixtures.duelRequest(playerId))
			.exchange();
	}

}
