package dev.rivalry.serverlist.server;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.rivalry.serverlist.ServerlistIntegrationTest;
import dev.rivalry.serverlist.TestServers;
import dev.rivalry.serverlist.TestServers.Registered;
import dev.rivalry.serverlist.Tokens;
import dev.rivalry.tokens.ServerClaims;
import dev.rivalry.tokens.TokenKind;
import dev.rivalry.tokens.TokenVerifier;
import dev.rivalry.tokens.Verified;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class ServerRegistrationIntegrationTests extends ServerlistIntegrationTest {

	@Autowired
	TokenVerifier verifier;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "blue", "red" })
	void eachFleetRegistersWithItsOwnKeyAndGetsACredentialForItsServer(String fleet) {
		String key = fleet.equals("blue") ? TestServers.BLUE_KEY : TestServers.RED_KEY;
		@SuppressWarnings("unchecked")
		Map<String, Object> body = client().post()
			.uri("/v1/servers")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(TestServers.body(TestServers.game(), "eu", Map.of("map", "arena")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.value(HttpHeaders.LOCATION, (location) -> assertThat(location).startsWith("/v1/servers/"))
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).containsOnlyKeys("id", "token");
		String token = (String) body.get("token");
		assertThat(Tokens.header(token).get("typ")).isEqualTo("rivalry-server+jwt");
		ServerClaims claims = ((Verified<ServerClaims>) this.verifier.verify(token, TokenKind.SERVER).block()).claims();
		assertThat(claims.serverId()).isEqualTo(body.get("id"));
		assertThat(claims.fleet()).isEqualTo(fleet);
		management().get()
			.uri("/v1/servers/{id}", body.get("id"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state").isEqualTo("READY")
			.jsonPath("$.fleet").isEqualTo(fleet)
			.jsonPath("$.region").isEqualTo("eu")
			.jsonPath("$.labels.map").isEqualTo("arena")
			.jsonPath("$.registeredAt").value((at) -> assertThat((String) at).matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "", "Bearer ", "Bearer wrong-key-0123456789", "Basic Ymx1ZTpibHVl",
			"bearer blue-fleet-key-012345678" })
	void aMissingOrWrongFleetKeyRegistersNothing(String authorization) {
		client().post()
			.uri("/v1/servers")
			.header(HttpHeaders.AUTHORIZATION, authorization)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(TestServers.body(TestServers.game(), "eu", Map.of()))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*")
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://rivalry.dev/problems/invalid-fleet-key");
	}

	@Test
	void theListShowsEveryServerWithItsState() {
		String game = TestServers.game();
		Registered eu = servers().register(game, "eu");
		Registered us = servers().register(game, "us");
		management().get()
			.uri("/v1/servers?game={game}", game)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.servers.length()").isEqualTo(2)
			.jsonPath("$.servers[?(@.id == '%s')].region".formatted(eu.id())).isEqualTo(List.of("eu"))
			.jsonPath("$.servers[?(@.id == '%s')].state".formatted(us.id())).isEqualTo(List.of("READY"));
		management().get()
			.uri("/v1/servers?game={game}&region=us&state=READY", game)
			.exchange()
			.expectBody()
			.jsonPath("$.servers[*].id").isEqualTo(List.of(us.id()));
	}

	@Test
	void aHeartbeatAnswersTheServersState() {
		Registered server = servers().registerSilent(TestServers.game(), "eu", Map.of());
		servers().heartbeat(server)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id").isEqualTo(server.id())
			.jsonPath("$.state").isEqualTo("READY");
	}

	static Stream<Arguments> serverPaths() {
		return Stream.of(Arguments.of(HttpMethod.PUT, "/v1/servers/{id}/heartbeat"),
				Arguments.of(HttpMethod.POST, "/v1/servers/{id}/ready"),
				Arguments.of(HttpMethod.POST, "/v1/servers/{id}/matches/m-1/started"),
				Arguments.of(HttpMethod.DELETE, "/v1/servers/{id}"),
				Arguments.of(HttpMethod.GET, "/v1/servers/{id}/events"));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("serverPaths")
	void aCredentialOpensOnlyItsOwnServersPaths(HttpMethod method, String path) {
		String game = TestServers.game();
		Registered a = servers().register(game, "eu");
		Registered b = servers().register(game, "eu");
		client().method(method)
			.uri(path, b.id())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + a.token())
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://rivalry.dev/problems/credential-not-for-this-server");
		assertThat(servers().state(b.id())).isEqualTo("READY");
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("serverPaths")
	void aServersPathsNeedAValidCredential(HttpMethod method, String path) {
		Registered server = servers().register(TestServers.game(), "eu");
		String notACredential = TestServers.BLUE_KEY;
		client().method(method)
			.uri(path, server.id())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + notACredential)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://rivalry.dev/problems/invalid-credential")
			.jsonPath("$.detail").value((detail) -> assertThat((String) detail).doesNotContain(notACredential));
	}

	@Test
	void aDeregisteredServerIsGoneEverywhere() {
		String game = TestServers.game();
		Registered server = servers().register(game, "eu");
		servers().deregister(server)
			.expectStatus()
			.isNoContent();
		assertThat(servers().state(server.id())).isEqualTo("GONE");
		servers().heartbeat(server)
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://rivalry.dev/problems/server-not-found");
		management().get()
			.uri("/v1/servers?game={game}", game)
			.exchange()
			.expectBody()
			.jsonPath("$.servers.length()").isEqualTo(0);
	}

}
