package dev.rivalry.serverlist;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.rivalry.serverlist.TestServers.Registered;
import dev.rivalry.testsupport.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

import org.springframework.context.ConfigurableApplicationContext;

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
			TestServers servers = TestServers.of(first);
			for (int i = 0; i < 2; i++) {
				Registered each = servers.registerSilent(game, "eu", Map.of());
				registered.put(each.id(), each);
			}
			server = registered.get(servers.allocatedServer(match.token(0)));
		}
		try (ConfigurableApplicationContext second = ServerlistInstances.start(settings)) {
			TestServers servers = TestServers.of(second);
			assertThat(servers.allocatedServer(match.token(1))).isEqualTo(server.id());
			assertThat(servers.allocatedServer(match.token(0))).isEqualTo(server.id());
			assertThat(servers.state(server.id())).isEqualTo("ALLOCATED");
			StepVerifier.create(servers.events(server).filter((event) -> "allocation".equals(event.event())))
				.assertNext((event) -> assertThat(event.data()).containsEntry("matchId", match.matchId()))
				.thenCancel()
				.verify(Duration.ofSeconds(20));
			servers.started(server, match.matchId()).expectStatus().isOk();
			assertThat(servers.state(server.id())).isEqualTo("PLAYING");
		}
	}

}
