package dev.rivalry.matchmaker.backfill;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.rivalry.matchmaker.MatchmakerInstances;
import dev.rivalry.matchmaker.TicketFixtures;
import dev.rivalry.matchmaker.TopicReader;
import dev.rivalry.matchmaker.result.FakeServerlist;
import dev.rivalry.testsupport.TestKafka;
import dev.rivalry.tickets.Match;
import dev.rivalry.tickets.MatchOutcome;
import dev.rivalry.tickets.TicketIds;
import dev.rivalry.tickets.TicketStore;
import dev.rivalry.tokens.Participant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backfill endpoints over HTTP, against real Redis and Kafka, with report tokens signed
 * by a {@link FakeServerlist} whose keys the matchmaker fetches from its JWKS.
 */
class BackfillHttpIntegrationTests {

	static final String PROBLEM = "https://rivalry.dev/problems/";

	static final FakeServerlist serverlist = FakeServerlist.start();

	static ConfigurableApplicationContext matchmaker;

	int port;

	TicketStore store;

	WebTestClient client;

	@BeforeAll
	static void start() {
		matchmaker = MatchmakerInstances.start(TestKafka.bootstrapServers(),
				Map.of("rivalry.tokens.remote.sources.serverlist", serverlist.jwksUri()));
	}

	@AfterAll
	static void stop() {
		matchmaker.close();
	}

	@BeforeEach
	void connect() {
		this.port = MatchmakerInstances.portOf(matchmaker);
		this.store = matchmaker.getBean(TicketStore.class);
		this.client = TicketFixtures.clientAs(this.port, null);
	}

	@Test
	void aServerOpensABackfillWithItsReportTokenAndItTravelsOnTheMatchsStream() {
		Match match = storedDuel();
		String token = serverlist.reportToken(match);
		Map<String, Object> opened = open(match, token, "{\"slots\":[{\"team\":2,\"count\":1}],\"ttl\":\"60s\"}")
			.expectStatus().isCreated()
			.expectHeader().valueMatches("Location", "/v1/backfills/[0-9a-z-]+")
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(opened).containsEntry("matchId", match.id()).containsEntry("state", "SEARCHING");
		assertThat(opened.get("slots")).isEqualTo(List.of(Map.of("team", 2, "count", 1)));
		assertThat(Instant.parse((String) opened.get("expiresAt"))).isBetween(Instant.now().plusSeconds(50),
				Instant.now().plusSeconds(61));
		String id = (String) opened.get("id");
		this.client.get().uri("/v1/backfills/{id}", id).header("Authorization", "Bearer " + token).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.state").isEqualTo("SEARCHING").jsonPath("$.open[0].count").isEqualTo(1);
		assertThat(TopicReader.read(TestKafka.bootstrapServers(), "rivalry.tickets.duel", (value) -> value.contains(id)))
			.singleElement()
			.satisfies((record) -> {
				assertThat(record.key()).isEqualTo("eu");
				assertThat(record.value()).contains("\"type\":\"backfill-opened\"");
			});
	}

	@Test
	void askingAgainReplacesTheOpenBackfill() {
		Match match = storedDuel();
		String token = serverlist.reportToken(match);
		String first = openedId(match, token);
		String second = openedId(match, token);
		assertThat(state(first, token)).isEqualTo("REPLACED");
		assertThat(state(second, token)).isEqualTo("SEARCHING");
	}

	@Test
	void aCancelledBackfillIsCancelledOnceAndItsStreamEnds() {
		Match match = storedDuel();
		String token = serverlist.reportToken(match);
		String id = openedId(match, token);
		Flux<ServerSentEvent<Map<String, Object>>> events = WebClient.create("http://localhost:" + this.port)
			.get()
			.uri("/v1/backfills/{id}/events", id)
			.header("Authorization", "Bearer " + token)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			});
		StepVerifier.create(events.filter((event) -> event.data() != null))
			.assertNext((event) -> {
				assertThat(event.event()).isEqualTo("backfill");
				assertThat(event.data()).containsEntry("state", "SEARCHING");
			})
			// not blocking: this runs on the stream's event loop
			.then(() -> WebClient.create("http://localhost:" + this.port)
				.delete()
				.uri("/v1/backfills/{id}", id)
				.header("Authorization", "Bearer " + token)
				.retrieve()
				.toBodilessEntity()
				.subscribe((response) -> assertThat(response.getStatusCode().value()).isEqualTo(204)))
			.assertNext((event) -> assertThat(event.data()).containsEntry("state", "CANCELLED"))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		this.client.delete().uri("/v1/backfills/{id}", id).header("Authorization", "Bearer " + token).exchange()
			.expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").isEqualTo(PROBLEM + "backfill-not-open").jsonPath("$.state").isEqualTo("CANCELLED");
	}

	@Test
	void aBackfillPastItsTimeReadsExpired() throws InterruptedException {
		Match match = storedDuel();
		String token = serverlist.reportToken(match);
		String id = (String) open(match, token, "{\"slots\":[{\"team\":1,\"count\":1}],\"ttl\":\"1s\"}")
			.expectStatus().isCreated()
			.expectBody(Map.class).returnResult().getResponseBody().get("id");
		Thread.sleep(1200);
		assertThat(state(id, token)).isEqualTo("EXPIRED");
	}

	@Test
	void anotherMatchsTokenNeitherOpensNorReadsNorCancels() {
		Match match = storedDuel();
		Match other = storedDuel();
		String token = serverlist.reportToken(match);
		String id = openedId(match, token);
		String stranger = serverlist.reportToken(other);
		open(match, stranger, "{\"slots\":[{\"team\":1,\"count\":1}]}").expectStatus().isUnauthorized()
			.expectBody().jsonPath("$.type").isEqualTo(PROBLEM + "invalid-report-token");
		open(match, null, "{\"slots\":[{\"team\":1,\"count\":1}]}").expectStatus().isUnauthorized();
		this.client.get().uri("/v1/backfills/{id}", id).header("Authorization", "Bearer " + stranger).exchange()
			.expectStatus().isNotFound()
			.expectBody().jsonPath("$.type").isEqualTo(PROBLEM + "backfill-not-found");
		this.client.delete().uri("/v1/backfills/{id}", id).header("Authorization", "Bearer " + stranger).exchange()
			.expectStatus().isNotFound();
		this.client.get().uri("/v1/backfills/{id}", id).exchange().expectStatus().isUnauthorized();
		assertThat(state(id, token)).isEqualTo("SEARCHING");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{"slots":[{"team":3,"count":1}]}                          | 422 | backfill-does-not-fit-match | slots[0].team
			{"slots":[{"team":1,"count":2}]}                          | 422 | backfill-does-not-fit-match | slots[0].count
			{"slots":[{"team":1,"count":1},{"team":1,"count":1}]}     | 422 | backfill-does-not-fit-match | slots[1].team
			{"slots":[{"team":0,"count":1}]}                          | 400 | invalid-request             | team
			{"slots":[]}                                              | 400 | invalid-request             | slots
			{"slots":[{"team":1,"count":1}],"ttl":"soon"}             | 400 | invalid-request             | ttl
			{"slots":[{"team":1,"count":1}],"ttl":"2h"}               | 400 | invalid-request             | ttl
			{"ttl":"60s"}                                             | 400 | invalid-request             | slots
			""")
	void aRequestThatDoesNotFitIsRefusedSayingWhereAndOpensNothing(String body, int status, String slug, String where) {
		Match match = storedDuel();
		String token = serverlist.reportToken(match);
		open(match, token, body).expectStatus().isEqualTo(status)
			.expectBody().jsonPath("$.type").isEqualTo(PROBLEM + slug)
			.jsonPath("$.detail").value((detail) -> assertThat((String) detail).contains(where));
		assertThat(matchmaker.getBean(dev.rivalry.tickets.backfill.BackfillStore.class).findOpen(match.id()).block())
			.isNull();
	}

	@Test
	void aReportedMatchTakesNoBackfillAndItsOpenOneEnds() {
		Match match = storedDuel();
		String token = serverlist.reportToken(match);
		String id = openedId(match, token);
		this.client.post().uri("/v1/matches/{id}/results", match.id()).header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"teams\":[{\"rank\":1},{\"rank\":2}]}")
			.exchange()
			.expectStatus().isOk();
		assertThat(state(id, token)).isEqualTo("ENDED");
		open(match, token, "{\"slots\":[{\"team\":1,\"count\":1}]}").expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").isEqualTo(PROBLEM + "match-over");
	}

	@Test
	void resultsTakeTheRosterGrownByABackfillUnderTheTokenOfTheStart() {
		Match started = storedDuel();
		String token = serverlist.reportToken(started);
		// a backfill added a third player to team 2 after the server's report token was signed
		Match grown = started.withAdded(List.of(new Participant("late-" + UUID.randomUUID(), 1)));
		this.store.match(grown, List.of()).block();
		this.client.post().uri("/v1/matches/{id}/results", started.id()).header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"teams\":[{\"rank\":2},{\"rank\":1}]}")
			.exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.teams[1].players.length()").isEqualTo(2);
	}

	private WebTestClient.ResponseSpec open(Match match, String token, String body) {
		WebTestClient.RequestBodySpec request = this.client.post().uri("/v1/matches/{id}/backfills", match.id());
		if (token != null) {
			request = request.header("Authorization", "Bearer " + token);
		}
		return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	private String openedId(Match match, String token) {
		return (String) open(match, token, "{\"slots\":[{\"team\":2,\"count\":1}]}").expectStatus().isCreated()
			.expectBody(Map.class).returnResult().getResponseBody().get("id");
	}

	private String state(String id, String token) {
		return (String) this.client.get().uri("/v1/backfills/{id}", id).header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody().get("state");
	}

	private Match storedDuel() {
		Match match = new Match(TicketIds.newId("duel", "eu"), "duel",
				List.of(new Participant("a-" + UUID.randomUUID(), 0), new Participant("b-" + UUID.randomUUID(), 1)),
				Map.of("map", "arena"), null, "eu", Instant.now(), "eu", 1500.0, false);
		assertThat(this.store.match(match, List.of()).block()).isInstanceOf(MatchOutcome.Formed.class);
		return match;
	}

}
