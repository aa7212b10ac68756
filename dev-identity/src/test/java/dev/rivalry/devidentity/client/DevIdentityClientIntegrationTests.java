package dev.rivalry.devidentity.client;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.rivalry.devidentity.DevIdentityApplication;
import dev.rivalry.devidentity.IssuedIdentityToken;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The shared client against a running provider whose tokens live four seconds, so that
 * refreshing before the expiry can be watched.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + DevIdentityApplication.CONFIG_NAME, "rivalry.development.enabled=true",
				"management.server.port=0",
				"rivalry.dev-identity.token-lifetime=4s" })
class DevIdentityClientIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	private final AtomicInteger requests = new AtomicInteger();

	@Test
	void aPlayersTokenIsFetchedOnceForCallersThatAskTogether() {
		DevIdentityClient client = client();

		List<IssuedIdentityToken> tokens = Flux.range(0, 20)
			.flatMap((i) -> client.player("alice"))
			.collectList()
			.block(WAIT);

		assertThat(tokens).hasSize(20).containsOnly(tokens.get(0));
		assertThat(claims(tokens.get(0)).path("sub").asString()).isEqualTo("alice");
		assertThat(this.requests).hasValue(1);
	}

	@Test
	void aPartyLeadersTokenIsCachedApartFromItsSoloToken() {
		DevIdentityClient client = client();

		IssuedIdentityToken solo = client.player("alice").block(WAIT);
		IssuedIdentityToken leader = client.player("alice", List.of("bob", "carol")).block(WAIT);

		assertThat(leader).isNotEqualTo(solo);
		assertThat(claims(leader).path("party").valueStream().map(JsonNode::asString)).containsExactly("bob", "carol");
		assertThat(claims(solo).has("party")).isFalse();
		assertThat(client.player("alice", List.of("bob", "carol")).block(WAIT)).isEqualTo(leader);
		assertThat(this.requests).hasValue(2);
	}

	@Test
	void aTokenIsReplacedBeforeItExpires() {
		DevIdentityClient client = client();
		IssuedIdentityToken first = client.player("alice").block(WAIT);

		// Four seconds of life: replaced after half of it, never handed out expired.
		IssuedIdentityToken next = await().atMost(WAIT)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> client.player("alice").block(WAIT), (token) -> !token.equals(first));

		assertThat(next.expiresAt()).isAfter(first.expiresAt());
		assertThat(this.requests).hasValue(2);
	}

	@Test
	void aBackendGetsItsScopedToken() {
		IssuedIdentityToken token = client().backend("game-backend").block(WAIT);

		assertThat(claims(token).path("scope").asString()).isEqualTo("rivalry:tickets");
	}

	@Test
	void aRefusalIsAnErrorNamingTheAnswerAndIsNotCached() {
		DevIdentityClient client = client();

		for (int i = 0; i < 2; i++) {
			assertThatIllegalStateException().isThrownBy(() -> client.player("not valid").block(WAIT))
				.withMessageContaining("answered 400")
				.withMessageContaining("invalid-request");
		}
		assertThat(this.requests).hasValue(2);
	}

	@Test
	void aBaseUrlWithATrailingSlashWorks() {
		DevIdentityClient client = new DevIdentityClient(HttpClient.create(), URI.create(baseUrl() + "/"));

		assertThat(client.player("alice").block(WAIT).token()).isNotBlank();
	}

	private DevIdentityClient client() {
		HttpClient counted = HttpClient.create().doOnRequest((request, connection) -> this.requests.incrementAndGet());
		return new DevIdentityClient(counted, URI.create(baseUrl()));
	}

	private String baseUrl() {
		return "http://localhost:" + this.port;
	}

	private static JsonNode claims(IssuedIdentityToken token) {
		byte[] payload = Base64.getUrlDecoder().decode(token.token().split("\\.")[1]);
		return new JsonMapper().readTree(payload);
	}

}
