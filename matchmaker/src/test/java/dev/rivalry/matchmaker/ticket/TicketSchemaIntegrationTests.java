package dev.rivalry.matchmaker.ticket;

import java.util.stream.Stream;

import dev.rivalry.matchmaker.Footprints;
import dev.rivalry.matchmaker.MatchmakerIntegrationTest;
import dev.rivalry.matchmaker.TicketFixtures;
import dev.rivalry.matchmaker.ticket.TicketRequestCases.Case;
import dev.rivalry.testsupport.TestKafka;
import dev.rivalry.testsupport.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;

import static dev.rivalry.matchmaker.TicketFixtures.player;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

/**
 * The ticket body's rules through the running matchmaker: every case of
 * {@link TicketRequestCases} is accepted (201, written) or refused with a
 * {@code 400 invalid-request} problem naming the field; a body that cannot be read, or that
 * breaks a rule outside the schema, is a 4xx problem that says what was wrong and where,
 * never a 500. Hostile bodies are refused while they are read: too large, too deep, too
 * long a string. A refusal leaves no Redis key and no Kafka record behind.
 */
@MatchmakerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketSchemaIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ReactiveStringRedisTemplate redis;

	Footprints footprints;

	@BeforeAll
	void watch() {
		this.footprints = new Footprints(this.redis, TestRedis.get().keyPrefix(), TestKafka.bootstrapServers());
	}

	@AfterAll
	void stopWatching() {
		this.footprints.close();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.rivalry.matchmaker.ticket.TicketRequestCases#all")
	void aBodyIsAcceptedOrRefusedNamingTheFieldAndARefusalLeavesNothingBehind(Case example) {
		Footprints.Snapshot before = this.footprints.take();

		var response = TicketFixtures.client(this.port)
			.post()
			.uri("/v1/tickets")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(example.bodyFor(player("schema")))
			.exchange();

		if (example.accepted()) {
			response.expectStatus().isCreated();
			// The other half of the proof: what a ticket writes is seen.
			assertThat(this.footprints.take().newSince(before)).anyMatch((news) -> news.startsWith("key "))
				.anyMatch((news) -> news.contains("rivalry.tickets."));
			return;
		}
		response.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://rivalry.dev/problems/invalid-request")
			.jsonPath("$.errors[*].field").value(hasItem(example.field()))
			.jsonPath("$.errors[0].message").value(containsString(example.message()));
		assertThat(this.footprints.take().newSince(before)).isEmpty();
	}

	static Stream<Arguments> badRequests() {
		String duel = "{\"players\": [{\"id\": \"a\"}], \"attributes\": {\"mode\": \"duel\", \"region\": \"eu\"";
		return Stream.of(
				Arguments.of("truncated JSON", "{\"players\": [", 400, "malformed-request", "line"),
				Arguments.of("not JSON", "players=alice", 400, "malformed-request", "JSON"),
				Arguments.of("players of the wrong type", "{\"players\": \"alice\"}", 400, "malformed-request", "players"),
				Arguments.of("latency as text",
						"{\"players\": [{\"id\": \"a\"}], \"latencies\": {\"eu\": \"fast\"}}", 400, "malformed-request",
						"latencies"),
				Arguments.of("an infinite latency",
						"{\"players\": [{\"id\": \"a\"}], \"latencies\": {\"eu\": 1e999}}", 400, "malformed-request",
						"latencies"),
				Arguments.of("the same player twice",
						"{\"players\": [{\"id\": \"a\"}, {\"id\": \"a\"}], \"attributes\": {\"mode\": \"squad\"}}", 400,
						"duplicate-player", "players"),
				Arguments.of("nested deeper than the parser reads",
						duel + ", \"deep\": " + "[".repeat(40) + "]".repeat(40) + "}}", 400, "malformed-request", "depth"),
				Arguments.of("a string longer than the parser reads",
						duel + ", \"note\": \"" + "n".repeat(20_000) + "\"}}", 400, "malformed-request", "length"),
				Arguments.of("a 200 KiB attribute value",
						duel + ", \"note\": \"" + "n".repeat(200 * 1024) + "\"}}", 400, "malformed-request", "length"),
				Arguments.of("a body over 64 KiB of small values",
						duel + ", \"tags\": [" + "1,".repeat(40 * 1024) + "1]}}", 400, "malformed-request", "Document length"),
				Arguments.of("a 100 KiB region",
						"{\"players\": [{\"id\": \"a\"}], \"attributes\": {\"mode\": \"blitz\", \"region\": \""
								+ "r".repeat(100 * 1024) + "\"}}", 400, "malformed-request", "length"),
				Arguments.of("no profile takes it", "{\"players\": [{\"id\": \"a\"}], \"attributes\": {\"mode\": \"golf\"}}",
						422, "no-matching-profile", "profiles"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badRequests")
	void aBadRequestIsAProblemNamingWhatIsWrongAndLeavesNothingBehind(String description, String body, int status,
			String slug, String mentioned) {
		Footprints.Snapshot before = this.footprints.take();

		TicketFixtures.client(this.port)
			.post()
			.uri("/v1/tickets")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").value((type) -> assertThat(type.toString()).endsWith("/" + slug))
			.jsonPath("$.status").isEqualTo(status)
			.jsonPath("$").value((problem) -> assertThat(problem.toString()).contains(mentioned));
		assertThat(this.footprints.take().newSince(before)).isEmpty();
	}

}
