package dev.rivalry.matchmaker.identity;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpServer;
import java.util.List;
import java.util.Map;

import dev.rivalry.devidentity.IdentityTokens;
import dev.rivalry.matchmaker.MatchmakerInstances;
import dev.rivalry.matchmaker.TicketFixtures;
import dev.rivalry.testsupport.RealKafkaAndRedis;
import dev.rivalry.testsupport.TestKafka;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.awaitility.Awaitility.await;

/**
 * An identity provider whose keys cannot be fetched is an outage, not the caller's fault:
 * {@code 503} with {@code Retry-After}, never a {@code 401} that would make clients throw
 * away good tokens, and never a {@code 500}.
 */
@RealKafkaAndRedis
class IdentityProviderOutageIntegrationTests {

	@Test
	void aProviderWhoseKeysCannotBeFetchedIsAServiceUnavailableProblem() throws IOException {
		String issuer = "https://unreachable.example";
		String provider = "rivalry.matchmaker.identity.providers[0].";
		// Nothing listens on a port just found free: the key fetch is refused at once.
		String jwks = "http://127.0.0.1:" + closedPort() + "/.well-known/jwks.json";
		try (ConfigurableApplicationContext matchmaker = MatchmakerInstances.startWithoutIdentity(
				TestKafka.bootstrapServers(), Map.of(provider + "issuer", issuer, provider + "jwk-set-uri", jwks,
						provider + "audiences[0]", "rivalry"))) {
			String token = IdentityTokens.generate(issuer, "rivalry").player("ann", List.of(), Duration.ofMinutes(5)).token();
			TicketFixtures.clientAs(MatchmakerInstances.portOf(matchmaker), token)
				.get()
				.uri("/v1/tickets/{id}", "00000000-0000000000000000000000000a")
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.valueEquals(HttpHeaders.RETRY_AFTER, "5")
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://rivalry.dev/problems/identity-provider-unavailable");
		}
	}


	@Test
	void keysOfAProviderThatStaysUnreachableStopBeingTrustedAfterTheirExpiry() throws IOException {
		String issuer = "https://flaky.example";
		IdentityTokens identity = IdentityTokens.generate(issuer, "rivalry");
		HttpServer jwksServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		byte[] jwks = identity.jwksJson().getBytes(StandardCharsets.UTF_8);
		jwksServer.createContext("/jwks", (exchange) -> {
			exchange.sendResponseHeaders(200, jwks.length);
			exchange.getResponseBody().write(jwks);
			exchange.close();
		});
		jwksServer.start();
		String provider = "rivalry.matchmaker.identity.providers[0].";
		Map<String, Object> settings = Map.of(provider + "issuer", issuer, provider + "jwk-set-uri",
				"http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/jwks", provider + "audiences[0]", "rivalry",
				"rivalry.matchmaker.identity.keys.refetch-interval", "0s", "rivalry.matchmaker.identity.keys.max-age", "1s",
				"rivalry.matchmaker.identity.keys.expire-after", "2s");
		try (ConfigurableApplicationContext matchmaker = MatchmakerInstances.startWithoutIdentity(
				TestKafka.bootstrapServers(), settings)) {
			WebTestClient client = TicketFixtures.clientAs(MatchmakerInstances.portOf(matchmaker),
					identity.player("bea", List.of(), Duration.ofMinutes(5)).token());
			client.get().uri("/v1/tickets/{id}", "00000000-0000000000000000000000000a").exchange().expectStatus().isNotFound();
			jwksServer.stop(0);
			Instant stopped = Instant.now();
			// Past max-age the cached keys keep serving while the provider is away ...
			await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(stopped.plusMillis(1200)));
			client.get().uri("/v1/tickets/{id}", "00000000-0000000000000000000000000a").exchange().expectStatus().isNotFound();
			// ... until expire-after: then they are no longer trusted.
			await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(stopped.plusMillis(2500)));
			client.get().uri("/v1/tickets/{id}", "00000000-0000000000000000000000000a").exchange().expectStatus()
				.isEqualTo(503);
		}
		finally {
			jwksServer.stop(0);
		}
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
