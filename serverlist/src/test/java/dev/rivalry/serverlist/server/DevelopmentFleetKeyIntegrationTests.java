package dev.rivalry.serverlist.server;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.rivalry.serverlist.ServerlistInstances;
import dev.rivalry.serverlist.TestServers;
import dev.rivalry.testsupport.TestRedis;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.rivalry.testsupport.StartupFailures.messagesOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The well-known fleet key {@code dev-fleet-key} stops a whole serverlist's start, naming the
 * property that holds it and the development switch, unless that switch is on.
 */
class DevelopmentFleetKeyIntegrationTests {

	/** A fleet with the well-known key, next to the test profile's own fleets. */
	private static final Map<String, Object> WELL_KNOWN_KEY = Map.of("rivalry.serverlist.fleets.dev", "dev-fleet-key",
			// A key space of its own: the shared test context sweeps with much shorter settings.
			"rivalry.redis.key-prefix", TestRedis.get().key("devkey-" + UUID.randomUUID().toString().substring(0, 8) + ":"));

	@Test
	void theWellKnownFleetKeyStopsTheStartOutsideDevelopmentMode() {
		Throwable failure = catchThrowable(() -> ServerlistInstances.start(WELL_KNOWN_KEY).close());
		assertThat(failure).as("the start").isNotNull();
		assertThat(messagesOf(failure)).contains("rivalry.serverlist.fleets.dev").contains("rivalry.development.enabled");
	}

	@Test
	void theWellKnownFleetKeyRegistersServersInDevelopmentMode() {
		Map<String, Object> settings = new HashMap<>(WELL_KNOWN_KEY);
		settings.put("rivalry.development.enabled", true);
		try (ConfigurableApplicationContext serverlist = ServerlistInstances.start(settings)) {
			WebTestClient.bindToServer()
				.baseUrl("http://localhost:" + ServerlistInstances.portOf(serverlist))
				.build()
				.post()
				.uri("/v1/servers")
				.header(HttpHeaders.AUTHORIZATION, "Bearer dev-fleet-key")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(TestServers.body(TestServers.game(), "eu", Map.of()))
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody()
				.jsonPath("$.id").exists();
		}
	}

}
