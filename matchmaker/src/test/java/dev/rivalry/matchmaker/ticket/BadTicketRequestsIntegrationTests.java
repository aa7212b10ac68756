package dev.rivalry.matchmaker.ticket;

import dev.rivalry.matchmaker.MatchmakerIntegrationTest;
import java.util.stream.Stream;

import dev.rivalry.matchmaker.TicketFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every malformed or invalid ticket request is a 400 problem that says what was wrong and
 * where, never a 500.
 */
@MatchmakerIntegrationTest
class BadTicketRequestsIntegrationTests {

	@LocalServerPort
	int port;

	static Stream<Arguments> badRequests() {
		String eleven = "[" + String.join(",", java.util.Collections.nCopies(11, "{\"id\":\"x\"}")) + "]";
		return Stream.of(
				Arguments.of("truncated JSON", "{\"players\": [", "malformed-request", "line"),
				Arguments.of("not JSON", "players=alice", "malformed-request", "JSON"),
				Arguments.of("players of the wrong type", "{\"players\": \"alice\"}", "malformed-request", "players"),
				Arguments.of("no players", "{\"attributes\": {\"mode\": \"duel\"}}", "invalid-request", "players"),
				Arguments.of("empty players", "{\"players\": []}", "invalid-request", "players"),
				Arguments.of("blank player id", "{\"players\": [{\"id\": \"\"}]}", "invalid-request", "players[0].id"),
				Arguments.of("player id with spaces", "{\"players\": [{\"id\": \"a b\"}]}", "invalid-request",
						"players[0].id"),
				Arguments.of("negative latency",
						"{\"players\": [{\"id\": \"a\"}], \"latencies\": {\"eu\": -1}}", "invalid-request", "latencies"),
				Arguments.of("latency as text",
						"{\"players\": [{\"id\": \"a\"}], \"latencies\": {\"eu\": \"fast\"}}", "malformed-request",
						"latencies"),
				Arguments.of("request id too long",
						"{\"players\": [{\"id\": \"a\"}], \"requestId\": \"" + "r".repeat(129) + "\"}", "invalid-request",
						"requestId"),
				Arguments.of("the same player twice",
						"{\"players\": [{\"id\": \"a\"}, {\"id\": \"a\"}], \"attributes\": {\"mode\": \"squad\"}}",
						"duplicate-player", "players"),
				Arguments.of("too many players", "{\"players\": " + eleven + ", \"attributes\": {\"mode\": \"squad\"}}",
						"invalid-request", "players"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badRequests")
	void aBadRequestIsABadRequestProblemNamingWhatIsWrong(String description, String body, String slug,
			String mentioned) {
		TicketFixtures.client(this.port)
			.post()
			.uri("/v1/tickets")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://rivalry.dev/problems/" + slug)
			.jsonPath("$.status").isEqualTo(400)
			.jsonPath("$").value((problem) -> assertThat(problem.toString()).contains(mentioned));
	}

}
