package dev.rivalry.matchmaker.limits;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.rivalry.matchmaker.MatchmakerInstances;
import dev.rivalry.matchmaker.TicketFixtures;
import dev.rivalry.matchmaker.ticket.TicketView;
import dev.rivalry.testsupport.TestIdentity;
import dev.rivalry.testsupport.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.rivalry.matchmaker.TicketFixtures.player;
import static dev.rivalry.testsupport.RateLimitedAssertions.assertRateLimited;
import static org.awaitility.Awaitility.await;

/**
 * Two matchmaker instances on one Redis hold one set of limits: what a caller spent on one
 * counts on the other, and a ticket's stream places are shared.
 */
class SharedLimitsIntegrationTests {

	private static final ParameterizedTypeReference<ServerSentEvent<TicketView>> EVENT = new ParameterizedTypeReference<>() {
	};

	static ConfigurableApplicationContext a;

	static ConfigurableApplicationContext b;

	@BeforeAll
	static void start() {
		Map<String, Object> limits = Map.of("rivalry.matchmaker.rate-limits.creates-per-player", "3/1m",
				"rivalry.matchmaker.rate-limits.streams-per-ticket", 3);
		a = MatchmakerInstances.start(TestKafka.bootstrapServers(), limits);
		b = MatchmakerInstances.start(TestKafka.bootstrapServers(), limits);
	}

	@AfterAll
	static void stop() {
		b.close();
		a.close();
	}

	@Test
	void createsThroughOneInstanceSpendThePlayersLimitOnTheOther() {
		String ada = player("ada");
		String token = TestIdentity.get().player(ada);
		WebTestClient viaA = TicketFixtures.clientAs(MatchmakerInstances.portOf(a), token);
		WebTestClient viaB = TicketFixtures.clientAs(MatchmakerInstances.portOf(b), token);
		create(viaA, ada, "duel").expectStatus().isCreated();
		create(viaA, ada, "blitz").expectStatus().isCreated();
		create(viaA, ada, "squad").expectStatus().isCreated();

		assertRateLimited(create(viaB, ada, "duel"), "creates-per-player");
	}

	@Test
	void aTicketsStreamPlacesAreSharedByTheInstances() {
		String bea = player("bea");
		String token = TestIdentity.get().player(bea);
		WebTestClient viaA = TicketFixtures.clientAs(MatchmakerInstances.portOf(a), token);
		WebTestClient viaB = TicketFixtures.clientAs(MatchmakerInstances.portOf(b), token);
		TicketView ticket = TicketFixtures.create(viaB, Map.of("players", List.of(Map.of("id", bea)), "attributes",
				Map.of("mode", "duel", "region", "eu")));
		Flux<ServerSentEvent<TicketView>> first = open(viaA, ticket.id());
		Flux<ServerSentEvent<TicketView>> second = open(viaA, ticket.id());
		Flux<ServerSentEvent<TicketView>> third = open(viaB, ticket.id());

		assertRateLimited(events(viaB, ticket.id()), "streams-per-ticket");

		// A stream that ends on one instance gives its place to a stream on the other.
		StepVerifier.create(first).expectNextCount(1).thenCancel().verify(Duration.ofSeconds(10));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> StepVerifier.create(open(viaB, ticket.id()))
			.expectNextMatches((event) -> event.data() != null)
			.thenCancel()
			.verify(Duration.ofSeconds(10)));
		List.of(second, third).forEach((stream) -> StepVerifier.create(stream).expectNextCount(1).thenCancel()
			.verify(Duration.ofSeconds(10)));
	}

	private static Flux<ServerSentEvent<TicketView>> open(WebTestClient client, String ticketId) {
		return events(client, ticketId).expectStatus().isOk().returnResult(EVENT).getResponseBody();
	}

	private static WebTestClient.ResponseSpec events(WebTestClient client, String ticketId) {
		return client.get().uri("/v1/tickets/{id}/events", ticketId).accept(MediaType.TEXT_EVENT_STREAM).exchange();
	}

	private static WebTestClient.ResponseSpec create(WebTestClient client, String playerId, String mode) {
		return client.post()
			.uri("/v1/tickets")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("players", List.of(Map.of("id", playerId)), "attributes", Map.of("mode", mode, "region", "eu")))
			.exchange();
	}

}
