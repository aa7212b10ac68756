package dev.rivalry.matchmaker;

import java.time.Duration;
import java.util.Map;

import dev.rivalry.matchmaker.ticket.TicketView;
import dev.rivalry.tickets.TicketState;
import dev.rivalry.tickets.TicketStore;
import dev.rivalry.testsupport.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.rivalry.matchmaker.TicketFixtures.player;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two matchmaker instances, one Redis, one Kafka: a ticket created through one is
 * followed through the other and sees every change, whoever made it.
 */
class TwoInstancesIntegrationTests {

	static ConfigurableApplicationContext a;

	static ConfigurableApplicationContext b;

	@BeforeAll
	static void start() {
		a = MatchmakerInstances.start(TestKafka.bootstrapServers(), Map.of());
		b = MatchmakerInstances.start(TestKafka.bootstrapServers(), Map.of());
	}

	@AfterAll
	static void stop() {
		b.close();
		a.close();
	}

	@Test
	void aTicketCreatedOnOneInstanceIsFollowedOnTheOtherThroughItsMatch() {
		WebTestClient viaA = TicketFixtures.client(MatchmakerInstances.portOf(a));
		WebTestClient viaB = TicketFixtures.client(MatchmakerInstances.portOf(b));
		TicketView mine = TicketFixtures.createDuel(viaA, player("ada"));
		TicketView theirs = TicketFixtures.createDuel(viaB, player("bea"));
		StepVerifier.create(states(viaB, mine.id()))
			.expectNext(TicketState.SEARCHING)
			.then(() -> TicketFixtures.match(a.getBean(TicketStore.class), "duel", mine, theirs))
			.expectNext(TicketState.MATCHED)
			.expectComplete()
			.verify(Duration.ofSeconds(20));
	}

	@Test
	void aCancelThroughOneInstanceReachesAStreamOnTheOther() {
		WebTestClient viaA = TicketFixtures.client(MatchmakerInstances.portOf(a));
		WebTestClient viaB = TicketFixtures.client(MatchmakerInstances.portOf(b));
		TicketView ticket = TicketFixtures.createDuel(viaA, player("cid"));
		StepVerifier.create(states(viaB, ticket.id()))
			.expectNext(TicketState.SEARCHING)
			.then(() -> viaA.delete().uri("/v1/tickets/{id}", ticket.id()).exchange().expectStatus().isNoContent())
			.expectNext(TicketState.CANCELLED)
			.expectComplete()
			.verify(Duration.ofSeconds(20));
		assertThat(viaB.get().uri("/v1/tickets/{id}", ticket.id()).exchange().expectBody(TicketView.class)
			.returnResult().getResponseBody().state()).isEqualTo(TicketState.CANCELLED);
	}

	private static reactor.core.publisher.Flux<TicketState> states(WebTestClient client, String ticketId) {
		return TicketFixtures.TICKET_EVENTS.data(TicketFixtures.eventsOf(client, ticketId)).map(TicketView::state);
	}

}
