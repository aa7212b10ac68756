package dev.rivalry.matchmaker.ticket;

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
 * {@code 400 invalid-request} problem naming the field, and a refusal leaves no Redis key
 * and no Kafka record behind.
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

}
