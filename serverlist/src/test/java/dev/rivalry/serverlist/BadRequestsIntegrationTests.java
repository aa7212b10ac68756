package dev.rivalry.serverlist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.rivalry.serverlist.TestServers.Registered;
import dev.rivalry.tokens.MatchClaims;
import dev.rivalry.tokens.Participant;
import dev.rivalry.tokens.PartyNames;
import dev.rivalry.tokens.SigningKeys;
import dev.rivalry.tokens.TokenIssuer;
import dev.rivalry.tokens.TokenKind;
import dev.rivalry.tokens.TokenLifetimes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal is a problem with a stable slug, never a 500, and changes nothing; no
 * refusal quotes a token, in its body or in the logs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class BadRequestsIntegrationTests extends ServerlistIntegrationTest {

	private static final String GAME = TestServers.game();

	private Registered server;

	private TestMatch match;

	private final Heartbeats heartbeats = new Heartbeats();

	@BeforeAll
	void aHeartbeatingServerAndAMatch() {
		this.server = servers().registerSilent(GAME, "eu", Map.of());
		this.heartbeats.start(this.port, this.server.id(), this.server.token());
		this.match = TestMatch.of(GAME, "eu");
	}

	@AfterAll
	void stopTheServer() {
		this.heartbeats.stopAll();
	}

	Stream<Arguments> badRequests() {
		String id = this.server.id();
		String credential = "Bearer " + this.server.token();
		String blue = "Bearer " + TestServers.BLUE_KEY;
		String register = "/v1/servers";
		return Stream.of(
				row("truncated JSON", HttpMethod.POST, register, blue, "{\"address\": ", 400, "malformed-request"),
				row("not JSON", HttpMethod.POST, register, blue, "address=x", 400, "malformed-request"),
				row("labels of the wrong type", HttpMethod.POST, register, blue,
						"{\"address\": \"h:1\", \"region\": \"eu\", \"labels\": [\"a\"]}", 400, "malformed-request"),
				row("no address", HttpMethod.POST, register, blue, "{\"region\": \"eu\"}", 400, "invalid-request"),
				row("an address without port", HttpMethod.POST, register, blue,
						"{\"address\": \"host\", \"region\": \"eu\"}", 400, "invalid-request"),
				row("port 0", HttpMethod.POST, register, blue, "{\"address\": \"host:0\", \"region\": \"eu\"}", 400,
						"invalid-request"),
				row("port 65536", HttpMethod.POST, register, blue, "{\"address\": \"host:65536\", \"region\": \"eu\"}",
						400, "invalid-request"),
				row("a region with a colon", HttpMethod.POST, register, blue,
						"{\"address\": \"h:1\", \"region\": \"e:u\"}", 400, "invalid-request"),
				row("a game with spaces", HttpMethod.POST, register, blue,
						"{\"address\": \"h:1\", \"region\": \"eu\", \"game\": \"a b\"}", 400, "invalid-request"),
				row("a label without value", HttpMethod.POST, register, blue,
						"{\"address\": \"h:1\", \"region\": \"eu\", \"labels\": {\"map\": null}}", 400, "invalid-request"),
				row("a blank label name", HttpMethod.POST, register, blue,
						"{\"address\": \"h:1\", \"region\": \"eu\", \"labels\": {\"\": \"x\"}}", 400, "invalid-request"),
				row("a bad body without fleet key", HttpMethod.POST, register, null, "{}", 401, "invalid-fleet-key"),
				row("a heartbeat without credential", HttpMethod.PUT, "/v1/servers/" + id + "/heartbeat", null, null,
						401, "invalid-credential"),
				row("a heartbeat with a fleet key", HttpMethod.PUT, "/v1/servers/" + id + "/heartbeat", blue, null, 401,
						"invalid-credential"),
				row("a start of a match never allocated", HttpMethod.POST,
						"/v1/servers/" + id + "/matches/m-none/started", credential, null, 409,
						"not-allocated-to-match"),
				row("an allocation without token", HttpMethod.POST, "/v1/allocations", null, null, 401, "invalid-token"),
				row("an allocation with a garbage token", HttpMethod.POST, "/v1/allocations", "Bearer a.b.c", null, 401,
						"invalid-token"),
				row("an allocation with a server credential", HttpMethod.POST, "/v1/allocations", credential, null, 401,
						"invalid-token"),
				row("an allocation with an expired match token", HttpMethod.POST, "/v1/allocations",
						"Bearer " + expiredMatchToken(), null, 401, "invalid-token"),
				row("an allocation with a match token for another audience", HttpMethod.POST, "/v1/allocations",
						"Bearer " + otherAudienceMatchToken(), null, 401, "invalid-token"),
				row("an allocation with a match token of an unknown key", HttpMethod.POST, "/v1/allocations",
						"Bearer " + unknownKeyMatchToken(), null, 401, "invalid-token"),
				row("an allocation with a region of the wrong type", HttpMethod.POST, "/v1/allocations",
						"Bearer " + matchToken(Map.of("region", 7)), null, 422, "unsupported-match-config"),
				row("an allocation with labels of the wrong type", HttpMethod.POST, "/v1/allocations",
						"Bearer " + matchToken(Map.of("labels", List.of("arena"))), null, 422,
						"unsupported-match-config"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badRequests")
	void aBadRequestIsAProblemNamingWhatIsWrong(String description, HttpMethod method, String path,
			String authorization, String body, int status, String slug, CapturedOutput output) {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.setLogLevel("dev.rivalry", LogLevel.DEBUG);
		try {
			WebTestClient.RequestBodySpec request = client().method(method).uri(path);
			if (authorization != null) {
				request.header(HttpHeaders.AUTHORIZATION, authorization);
			}
			if (body != null) {
				request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
			}
			String problem = request.exchange()
				.expectStatus()
				.isEqualTo(status)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(problem).contains("\"type\":\"https://rivalry.dev/problems/" + slug + "\"");
			if (status == 401) {
				// Refused credentials are answered alike: which check failed is logged and counted, never told.
				assertThat(problem).doesNotContain("\"reason\"")
					.doesNotContainIgnoringCase("expired")
					.doesNotContain("audience")
					.doesNotContain("unknown_key")
					.doesNotContain("bad_signature")
					.doesNotContain("wrong_type");
			}
			if (authorization != null && authorization.length() > 20) {
				String secret = authorization.substring(7);
				assertThat(problem).doesNotContain(secret);
				assertThat(output.getAll()).doesNotContain(secret);
			}
		}
		finally {
			logging.setLogLevel("dev.rivalry", null);
		}
		assertThat(servers().state(this.server.id())).as("nothing changed").isEqualTo("READY");
	}

	@Test
	void theMatchmakersKeysBeingUnavailableIsAServiceUnavailableProblemWithRetryAfter() {
		FakeMatchmaker.get().jwksAvailable(false);
		try {
			servers().allocate(unknownKeyMatchToken())
				.expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.valueEquals(HttpHeaders.RETRY_AFTER, "1")
				.expectBody()
				.jsonPath("$.type").isEqualTo("https://rivalry.dev/problems/keys-unavailable");
		}
		finally {
			FakeMatchmaker.get().jwksAvailable(true);
		}
	}

	private static Arguments row(String description, HttpMethod method, String path, String authorization, String body,
			int status, String slug) {
		return Arguments.of(description, method, path, authorization, body, status, slug);
	}

	private String matchToken(Map<String, Object> config) {
		return FakeMatchmaker.get().matchToken(this.match.player(0), this.match.matchId(), this.match.participants(),
				config, GAME);
	}

	private MatchClaims claims() {
		return new MatchClaims(this.match.player(0), this.match.matchId(), "duel", this.match.config(),
				List.of(new Participant(this.match.player(0), 0)), GAME);
	}

	private String expiredMatchToken() {
		Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
		return new TokenIssuer(matchmakerKeys(), PartyNames.defaults(), TokenLifetimes.defaults(), anHourAgo)
			.issue(TokenKind.MATCH, claims())
			.compact();
	}

	private String otherAudienceMatchToken() {
		return new TokenIssuer(matchmakerKeys(), new PartyNames("matchmaker", "another-serverlist"),
				TokenLifetimes.defaults(), Clock.systemUTC())
			.issue(TokenKind.MATCH, claims())
			.compact();
	}

	private String unknownKeyMatchToken() {
		return new TokenIssuer(SigningKeys.generate()).issue(TokenKind.MATCH, claims()).compact();
	}

	private static SigningKeys matchmakerKeys() {
		return FakeMatchmaker.get().keys();
	}

}
