package dev.rivalry.devidentity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The provider's HTTP contract as a client sees it: tokens that verify against the keys it
 * publishes, with the claims docs/dev-identity.md promises, and problems for ids the
 * matchmaker would refuse.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + DevIdentityApplication.CONFIG_NAME, "rivalry.development.enabled=true",
				"management.server.port=0" })
class TokenControllerIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void aPlayerGetsATokenWithoutABody() throws Exception {
		JsonNode answer = okJson(client().post().uri("/v1/players/{id}/token", "alice").exchange());

		JWTClaimsSet claims = verified(answer.path("token").asString());
		assertThat(claims.getSubject()).isEqualTo("alice");
		assertThat(claims.getIssuer()).isEqualTo("http://localhost:8083");
		assertThat(claims.getAudience()).containsExactly("rivalry");
		assertThat(claims.getClaims()).doesNotContainKeys("party", "scope");
		// RFC 3339, and the token's own exp: one hour from now by default.
		Instant expiresAt = Instant.parse(answer.path("expiresAt").asString());
		assertThat(claims.getExpirationTime().toInstant()).isEqualTo(expiresAt);
		assertThat(Duration.between(Instant.now(), expiresAt).toSeconds()).isCloseTo(3600, within(10L));
	}

	@Test
	void aPartyLeadersTokenListsTheMembersWhoAgreed() throws Exception {
		JsonNode answer = okJson(playerToken("alice", Map.of("party", List.of("bob", "carol"))));

		JWTClaimsSet claims = verified(answer.path("token").asString());
		assertThat(claims.getSubject()).isEqualTo("alice");
		assertThat(claims.getStringListClaim("party")).containsExactly("bob", "carol");
	}

	@Test
	void anEmptyPartyIsASoloPlayer() throws Exception {
		JsonNode answer = okJson(playerToken("alice", Map.of("party", List.of())));

		assertThat(verified(answer.path("token").asString()).getClaims()).doesNotContainKey("party");
	}

	@Test
	void aBackendGetsATokenWithTheTicketsScope() throws Exception {
		JsonNode answer = okJson(client().post().uri("/v1/backends/{id}/token", "game-backend").exchange());

		JWTClaimsSet claims = verified(answer.path("token").asString());
		assertThat(claims.getSubject()).isEqualTo("game-backend");
		assertThat(claims.getStringClaim("scope")).isEqualTo("rivalry:tickets");
		assertThat(answer.path("expiresAt").asString()).isNotBlank();
	}

	@Test
	void aPlayerIdWithAnEncodedSlashIsRefusedBeforeRouting() {
		client().post()
			.uri("/v1/players/{id}/token", "ali/ce")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://rivalry.dev/problems/malformed-request");
	}

	@ParameterizedTest(name = "''{0}''")
	@ValueSource(strings = { "al ice", "élodie", "alice!" })
	void aPlayerIdTheMatchmakerWouldRefuseIsRefused(String id) {
		client().post()
			.uri("/v1/players/{id}/token", id)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://rivalry.dev/problems/invalid-request")
			.jsonPath("$.errors[0].field")
			.isEqualTo("id");
	}

	@Test
	void idsUpTo128CharactersOfTheMatchmakersAlphabetAreAccepted() {
		String longest = "a".repeat(128);
		client().post().uri("/v1/players/{id}/token", longest).exchange().expectStatus().isOk();
		client().post().uri("/v1/players/{id}/token", "eu:player@studio.example-1_2").exchange().expectStatus().isOk();
		client().post().uri("/v1/players/{id}/token", longest + "a").exchange().expectStatus().isBadRequest();
		client().post().uri("/v1/backends/{id}/token", "back end").exchange().expectStatus().isBadRequest();
	}

	@Test
	void aPartyMemberWithABadIdIsRefusedByPath() {
		playerToken("alice", Map.of("party", List.of("bob", "c d"))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://rivalry.dev/problems/invalid-request")
			.jsonPath("$.errors[0].field")
			.isEqualTo("party[1]");
	}

	@Test
	void aPartyOfMoreThanAHundredIsRefused() {
		List<String> crowd = IntStream.rangeClosed(1, 101).mapToObj((i) -> "p" + i).toList();
		playerToken("alice", Map.of("party", crowd)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("party");
		playerToken("alice", Map.of("party", crowd.subList(0, 100))).expectStatus().isOk();
	}

	@Test
	void aBodyThatIsNotJsonIsAProblem() {
		client().post()
			.uri("/v1/players/{id}/token", "alice")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"party\": [")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://rivalry.dev/problems/malformed-request");
	}

	@Test
	void theKeysArePublishedWithoutTheirPrivatePart() throws Exception {
		String jwks = client().get()
			.uri("/.well-known/jwks.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(JWKSet.parse(jwks).getKeys()).singleElement()
			.satisfies((key) -> assertThat(key.isPrivate()).isFalse());
	}

	/** A {@code 200} with a JSON body, as every token answer is. */
	private static JsonNode okJson(WebTestClient.ResponseSpec response) {
		return response.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private WebTestClient.ResponseSpec playerToken(String id, Map<String, Object> body) {
		return client().post()
			.uri("/v1/players/{id}/token", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	/** Verified against the keys the provider publishes, as the matchmaker verifies it. */
	private JWTClaimsSet verified(String token) throws Exception {
		String jwks = client().get().uri("/.well-known/jwks.json").exchange().expectBody(String.class).returnResult()
			.getResponseBody();
		SignedJWT jwt = SignedJWT.parse(token);
		assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
		ECKey key = (ECKey) JWKSet.parse(jwks).getKeyByKeyId(jwt.getHeader().getKeyID());
		assertThat(key).as("the token's kid among the published keys").isNotNull();
		assertThat(jwt.verify(new ECDSAVerifier(key))).as("signature").isTrue();
		return jwt.getJWTClaimsSet();
	}

	private WebTestClient client() {
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(10))
			.build();
	}

}
