package dev.rivalry.matchmaker.ticket;

import dev.rivalry.matchmaker.MatchmakerIntegrationTest;
import java.util.List;
import java.util.Map;

import dev.rivalry.matchmaker.TicketFixtures;
import dev.rivalry.matchmaker.TopicReader;
import dev.rivalry.tickets.MatchOutcome;
import dev.rivalry.tickets.TicketKeys;
import dev.rivalry.tickets.TicketState;
import dev.rivalry.tickets.TicketStore;
import dev.rivalry.testsupport.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.rivalry.matchmaker.TicketFixtures.player;
import static org.assertj.core.api.Assertions.assertThat;

@MatchmakerIntegrationTest
class TicketsIntegrationTests {

	private static final String PROBLEM = "https://rivalry.dev/problems/";

	@LocalServerPort
	int port;

	@Autowired
	TicketStore store;

	@Autowired
	TicketKeys keys;

	@Autowired
	ReactiveStringRedisTemplate redis;

	WebTestClient client;

	@BeforeEach
	void connect() {
		this.client = TicketFixtures.client(this.port);
	}

	@Test
	void anAcceptedTicketIsSearchingStoredAndPublishedKeyedByItsPool() {
		String alice = player("alice");
		TicketView ticket = this.client.post()
			.uri("/v1/tickets")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(TicketFixtures.duelRequest(alice))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.value("Location", (location) -> assertThat(location).startsWith("/v1/tickets/"))
			.expectBody(TicketView.class)
			.returnResult()
			.getResponseBody();
		assertThat(ticket.state()).isEqualTo(TicketState.SEARCHING);
		assertThat(ticket.profile()).isEqualTo("duel");
		assertThat(ticket.expiresAt()).isAfter(ticket.createdAt());
		assertThat(this.store.find(ticket.id()).block().state()).isEqualTo(TicketState.SEARCHING);
		List<ConsumerRecord<String, String>> records = published("duel", ticket.id());
		assertThat(records).singleElement().satisfies((record) -> {
			assertThat(record.key()).isEqualTo("eu");
			assertThat(record.value()).contains("\"type\":\"created\"");
		});
	}

	@Test
	void aTicketIsReadBackByItsId() {
		TicketView created = TicketFixtures.createDuel(this.client, player("bob"));
		this.client.get()
			.uri("/v1/tickets/{id}", created.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id").isEqualTo(created.id())
			.jsonPath("$.profile").isEqualTo("duel")
			.jsonPath("$.state").isEqualTo("SEARCHING")
			.jsonPath("$.players[0].id").isEqualTo(created.players().get(0).id())
			.jsonPath("$.createdAt").isNotEmpty()
			.jsonPath("$.expiresAt").isNotEmpty()
			.jsonPath("$.match").doesNotExist();
	}

	@Test
	void anUnknownOrMalformedTicketIdIsNotFound() {
		for (String id : List.of("00000000-0000000000000000000000000a", "nope")) {
			this.client.get()
				.uri("/v1/tickets/{id}", id)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type").isEqualTo(PROBLEM + "ticket-not-found");
		}
	}

	@Test
	void aClientThatAcceptsNoJsonIsRefusedBeforeAnythingIsKept() {
		String dora = player("dora");
		this.client.post()
			.uri("/v1/tickets")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_XML)
			.bodyValue(TicketFixtures.duelRequest(dora))
			.exchange()
			.expectStatus()
			.isEqualTo(406);
		assertThat(this.redis.hasKey(this.keys.activeTicket("duel", dora)).block()).isFalse();
		TicketFixtures.createDuel(this.client, dora);
	}

	@Test
	void aTicketNoProfileTakesIsRefusedAndNothingIsKept() {
		String carol = player("carol");
		Long keysBefore = countTicketKeys();
		this.client.post()
			.uri("/v1/tickets")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("players", List.of(Map.of("id", carol)), "attributes", Map.of("mode", "chess")))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type").isEqualTo(PROBLEM + "no-matching-profile")
			.jsonPath("$.status").isEqualTo(422);
		assertThat(countTicketKeys()).isEqualTo(keysBefore);
		assertThat(this.redis.hasKey(this.keys.activeTicket("duel", carol)).block()).isFalse();
	}

	@Test
	void aProfileWhosePoolKeyIsMissingIsStillChosenWithTheDefaultPool() {
		TicketView ticket = TicketFixtures.create(this.client,
				Map.of("players", List.of(Map.of("id", player("dan"))), "attributes", Map.of("mode", "duel")));
		assertThat(published("duel", ticket.id())).singleElement()
			.satisfies((record) -> assertThat(record.key()).isEqualTo("default"));
	}

	@Test
	void aPartyLargerThanTheProfileAllowsIsRefused() {
		List<Map<String, String>> party = List.of(Map.of("id", player("p1")), Map.of("id", player("p2")));
		this.client.post()
			.uri("/v1/tickets")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("players", party, "attributes", Map.of("mode", "duel", "region", "eu")))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type").isEqualTo(PROBLEM + "party-too-large")
			.jsonPath("$.maxPartySize").isEqualTo(1);
	}

	@Test
	void aPartyFitsAProfileThatTakesParties() {
		List<Map<String, String>> party = List.of(Map.of("id", player("s1")), Map.of("id", player("s2")),
				Map.of("id", player("s3")));
		TicketView ticket = TicketFixtures.create(this.client,
				Map.of("players", party, "attributes", Map.of("mode", "squad", "region", "us")));
		assertThat(ticket.players()).hasSize(3);
		assertThat(ticket.profile()).isEqualTo("squad");
	}

	@Test
	void aPlayerWithAnActiveTicketInTheProfileIsRefusedUntilItEnds() {
		String erin = player("erin");
		TicketView first = TicketFixtures.createDuel(this.client, erin);
		this.client.post()
			.uri("/v1/tickets")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(TicketFixtures.duelRequest(erin))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type").isEqualTo(PROBLEM + "active-ticket-exists")
			.jsonPath("$.player").isEqualTo(erin)
			.jsonPath("$.ticketId").isEqualTo(first.id());
		this.client.delete().uri("/v1/tickets/{id}", first.id()).exchange().expectStatus().isNoContent();
		TicketView second = TicketFixtures.createDuel(this.client, erin);
		assertThat(second.id()).isNotEqualTo(first.id());
	}

	@Test
	void aPlayerMayQueueInTwoProfilesAtOnce() {
		String fay = player("fay");
		TicketFixtures.createDuel(this.client, fay);
		TicketFixtures.create(this.client,
				Map.of("players", List.of(Map.of("id", fay)), "attributes", Map.of("mode", "squad", "region", "eu")));
	}

	@Test
	void theSameRequestIdTwiceGivesTheSameTicketPublishedOnce() {
		String gus = player("gus");
		Map<String, Object> body = Map.of("players", List.of(Map.of("id", gus)), "attributes",
				Map.of("mode", "duel", "region", "eu"), "requestId", "req-1");
		TicketView first = TicketFixtures.create(this.client, body);
		TicketView second = TicketFixtures.create(this.client, body);
		assertThat(second.id()).isEqualTo(first.id());
		assertThat(published("duel", first.id())).hasSize(1);
	}

	@Test
	void cancellingASearchingTicketPublishesTheCancelOnTheTicketsPartition() {
		TicketView ticket = TicketFixtures.createDuel(this.client, player("hal"));
		this.client.delete().uri("/v1/tickets/{id}", ticket.id()).exchange().expectStatus().isNoContent();
		assertThat(this.store.find(ticket.id()).block().state()).isEqualTo(TicketState.CANCELLED);
		List<ConsumerRecord<String, String>> records = published("duel", ticket.id());
		assertThat(records).hasSize(2);
		assertThat(records.get(0).partition()).isEqualTo(records.get(1).partition());
		assertThat(records.get(0).offset()).isLessThan(records.get(1).offset());
		assertThat(records.get(1).value()).contains("\"type\":\"cancelled\"");
		this.client.delete().uri("/v1/tickets/{id}", ticket.id()).exchange().expectStatus().isNoContent();
	}

	@Test
	void cancellingAMatchedTicketIsAConflict() {
		TicketView a = TicketFixtures.createDuel(this.client, player("ivy"));
		TicketView b = TicketFixtures.createDuel(this.client, player("jon"));
		assertThat(TicketFixtures.match(this.store, "duel", a, b)).isInstanceOf(MatchOutcome.Formed.class);
		this.client.delete()
			.uri("/v1/tickets/{id}", a.id())
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type").isEqualTo(PROBLEM + "ticket-already-matched");
	}

	@Test
	void cancellingAnUnknownTicketIsNotFound() {
		this.client.delete()
			.uri("/v1/tickets/{id}", "00000000-0000000000000000000000000b")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void aMatchedTicketCarriesAMatchTokenForEachOfItsPlayers() {
		TicketView a = TicketFixtures.createDuel(this.client, player("kim"));
		TicketView b = TicketFixtures.createDuel(this.client, player("lee"));
		TicketFixtures.match(this.store, "duel", a, b);
		String kim = a.players().get(0).id();
		this.client.get()
			.uri("/v1/tickets/{id}", a.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state").isEqualTo("MATCHED")
			.jsonPath("$.match.id").isNotEmpty()
			.jsonPath("$.match.tokens['" + kim + "']").isNotEmpty()
			.jsonPath("$.match.participants.length()").isEqualTo(2);
	}

	private List<ConsumerRecord<String, String>> published(String profile, String ticketId) {
		return TopicReader.read(TestKafka.bootstrapServers(), "rivalry.tickets." + profile,
				(value) -> value.contains(ticketId));
	}

	private Long countTicketKeys() {
		return this.redis.keys(this.keys.prefix() + "t:*").count().block();
	}

}
