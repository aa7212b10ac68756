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
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.rivalry.matchmaker.TicketFixtures.openEvents;
import static dev.rivalry.matchmaker.TicketFixtures.player;
import static dev.rivalry.matchmaker.TicketFixtures.requestEvents;
import static dev.rivalry.testsupport.RateLimitedAssertions.assertRateLimited;
import static dev.rivalry.testsupport.tickets.TicketRequests.post;
import static dev.rivalry.testsupport.tickets.TicketRequests.solo;
import static org.awaitility.Awaitility.await;

/**
 * Two matchmaker instances on one Redis hold one set of limits: what a caller spent on one
 * counts on the other, and a ticket's stream places are shared.
 */
class SharedLimitsIntegrationTests {

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
		post(viaA, solo(ada, "duel")).expectStatus().isCreated();
		post(viaA, solo(ada, "blitz")).expectStatus().isCreated();
		post(viaA, solo(ada, "squad")).expectStatus().isCreated();

		assertRateLimited(post(viaB, solo(ada, "duel")), "creates-per-player");
	}

	@Test
	void aTicketsStreamPlacesAreSharedByTheInstances() {
		String bea = player("bea");
		String token = TestIdentity.get().player(bea);
		WebTestClient viaA = TicketFixtures.clientAs(MatchmakerInstances.portOf(a), token);
		WebTestClient viaB = TicketFixtures.clientAs(MatchmakerInstances.portOf(b), token);
		TicketView ticket = TicketFixtures.createDuel(viaB, bea);
		Flux<ServerSentEvent<TicketView>> first = openEvents(viaA, ticket.id());
		Flux<ServerSentEvent<TicketView>> second = openEvents(viaA, ticket.id());
		Flux<ServerSentEvent<TicketView>> third = openEvents(viaB, ticket.id());

		assertRateLimited(requestEvents(viaB, ticket.id()), "streams-per-ticket");

		// A stream that ends on one instance gives its place to a stream on the other.
		StepVerifier.create(first).expectNextCount(1).thenCancel().verify(Duration.ofSeconds(10));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> StepVerifier.create(openEvents(viaB, ticket.id()))
			.expectNextMatches((event) -> event.data() != null)
			.thenCancel()
			.verify(Duration.ofSeconds(10)));
		List.of(second, third).forEach((stream) -> StepVerifier.create(stream).expectNextCount(1).thenCancel()
			.verify(Duration.ofSeconds(10)));
	}

}
