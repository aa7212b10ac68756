package dev.rivalry.serverlist;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.rivalry.serverlist.TestServers.Registered;
import dev.rivalry.testsupport.ServicePorts;
import dev.rivalry.testsupport.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every piece of state is in Redis: a serverlist closed in the middle of an allocation and
 * started again finds the allocation, answers it idempotently and honours the credentials
 * it issued before (the signing keys are configured, as in any deployment with restarts).
 */
class RestartIntegrationTests {

	@Test
	void anAllocationSurvivesARestartAndStaysIdempotent(@TempDir Path keys) {
		Map<String, Object> settings = Map.of("rivalry.tokens.keys.jwk-set", ServerlistInstances.writeSigningKeys(keys),
				// A key space of its own: the shared test context sweeps with much shorter settings.
				"rivalry.redis.key-prefix", TestRedis.get().key("restart-" + UUID.randomUUID().toString().substring(0, 8) + ":"),
				"rivalry.serverlist.heartbeat.period", "1s", "rivalry.serverlist.heartbeat.tolerance", "30",
				"rivalry.serverlist.heartbeat.remove-after", "2m", "rivalry.serverlist.allocation.start-deadline", "2m");
		String game = TestServers.game();
		TestMatch match = TestMatch.of(game, "eu");
		Map<String, Registered> registered = new HashMap<>();
		Registered server;
		try (ConfigurableApplicationContext first = ServerlistInstances.start(settings)) {
			TestServers servers = servers(first);
			for (int i = 0; i < 2; i++) {
				Registered each = servers.registerSilent(game, "eu", Map.of());
				registered.put(each.id(), each);
			}
			server = registered.get(servers.allocatedServer(match.token(0)));
		}
		try (ConfigurableApplicationContext second = ServerlistInstances.start(settings)) {
			TestServers servers = servers(second);
			assertThat(servers.allocatedServer(match.token(1))).isEqualTo(server.id());
			assertThat(servers.allocatedServer(match.token(0))).isEqualTo(server.id());
			assertThat(servers.state(server.id())).isEqualTo("ALLOCATED");
			StepVerifier.create(pendingAllocation(client(second), server))
				.assertNext((event) -> assertThat(event.data()).containsEntry("matchId", match.matchId()))
				.thenCancel()
				.verify(Duration.ofSeconds(20));
			servers.started(server, match.matchId()).expectStatus().isOk();
			assertThat(servers.state(server.id())).isEqualTo("PLAYING");
		}
	}

	private static Flux<ServerSentEvent<Map<String, Object>>> pendingAllocation(
			WebTestClient client, Registered server) {
		return client.get()
			.uri("/v1/servers/{id}/events", server.id())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + server.token())
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			})
			.getResponseBody()
			.filter((event) -> "allocation".equals(event.event()));
	}

	private static TestServers servers(ConfigurableApplicationContext context) {
		return new TestServers(client(context), ServerlistIntegrationTest.client(ServicePorts.managementPort(context)),
				new Heartbeats(), ServerlistInstances.portOf(context));
	}

	private static WebTestClient client(ConfigurableApplicationContext context) {
		return ServerlistIntegrationTest.client(ServerlistInstances.portOf(context));
	}

}
