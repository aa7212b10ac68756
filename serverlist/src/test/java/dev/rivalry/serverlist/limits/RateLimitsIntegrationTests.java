package dev.rivalry.serverlist.limits;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.rivalry.serverlist.ServerlistIntegrationTest;
import dev.rivalry.serverlist.TestServers;
import dev.rivalry.serverlist.TestServers.Registered;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.rivalry.testsupport.RateLimitedAssertions.assertRateLimited;

/**
 * The game servers' limits, small, against the real Redis: over each, a {@code 429
 * rate-limited} problem with {@code Retry-After} naming it. The test client is a trusted
 * proxy here, so each test calls from client addresses of its own ({@code X-Forwarded-For}).
 */
@TestPropertySource(properties = { "rivalry.serverlist.rate-limits.registrations-per-address=3/1m",
		"rivalry.serverlist.rate-limits.failed-fleet-keys-per-address=2/1m",
		"rivalry.serverlist.rate-limits.failed-credentials-per-address=2/1m",
		"rivalry.client-address.trusted-proxies=127.0.0.1,::1" })
class RateLimitsIntegrationTests extends ServerlistIntegrationTest {

	@Test
	void anAddressRegistersAtMostItsLimitOfServers() {
		WebTestClient host = from(newAddress());
		String game = TestServers.game();
		for (int i = 0; i < 3; i++) {
			register(host, TestServers.BLUE_KEY, game).expectStatus().isCreated();
		}
		assertRateLimited(register(host, TestServers.BLUE_KEY, game), "registrations-per-address");
		register(from(newAddress()), TestServers.BLUE_KEY, game).expectStatus().isCreated();
	}

	@Test
	void anAddressThatTriedTooManyWrongFleetKeysIsRefusedBeforeAnyKeyIsCompared() {
		WebTestClient host = from(newAddress());
		String game = TestServers.game();
		register(host, "wrong-key-0123456789", game).expectStatus().isUnauthorized();
		register(host, null, game).expectStatus().isUnauthorized();

		// The right key now: refused all the same.
		assertRateLimited(register(host, TestServers.BLUE_KEY, game), "failed-fleet-keys-per-address");
		register(from(newAddress()), TestServers.BLUE_KEY, game).expectStatus().isCreated();
	}

	@Test
	void anAddressThatPresentedTooManyBadCredentialsIsRefusedBeforeAnyIsVerified() {
		String game = TestServers.game();
		Registered server = servers().registerSilent(game, "eu", Map.of());
		WebTestClient host = from(newAddress());
		heartbeat(host, server.id(), "not-a-credential").expectStatus().isUnauthorized();
		host.delete().uri("/v1/servers/{id}", server.id()).exchange().expectStatus().isUnauthorized();

		// The server's own credential now: refused all the same, on every server call.
		assertRateLimited(heartbeat(host, server.id(), server.token()), "failed-credentials-per-address");
		assertRateLimited(host.post().uri("/v1/servers/{id}/ready", server.id())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + server.token()).exchange(), "failed-credentials-per-address");
		// Registration is not a server call.
		register(host, TestServers.BLUE_KEY, game).expectStatus().isCreated();
		heartbeat(from(newAddress()), server.id(), server.token()).expectStatus().isOk();
	}

	private static WebTestClient.ResponseSpec register(WebTestClient client, String fleetKey, String game) {
		WebTestClient.RequestBodySpec request = client.post().uri("/v1/servers");
		if (fleetKey != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + fleetKey);
		}
		return request.contentType(MediaType.APPLICATION_JSON).bodyValue(TestServers.body(game, "eu", Map.of())).exchange();
	}

	private static WebTestClient.ResponseSpec heartbeat(WebTestClient client, String serverId, String credential) {
		return client.put()
			.uri("/v1/servers/{id}/heartbeat", serverId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + credential)
			.exchange();
	}

	private WebTestClient from(String address) {
		return client().mutate().defaultHeader("X-Forwarded-For", address).build();
	}

	/** A client address of this test's own. */
	private static String newAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "2001:db8:%x:%x::9".formatted(random.nextInt(0x10000), random.nextInt(0x10000));
	}

}
