package dev.rivalry.matchmaker.result;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import dev.rivalry.matchmaker.MatchmakerInstances;
import dev.rivalry.matchmaker.TicketFixtures;
import dev.rivalry.matchmaker.TopicReader;
import dev.rivalry.matchmaker.ticket.TicketView;
import dev.rivalry.ratings.OpenSkill;
import dev.rivalry.ratings.Rating;
import dev.rivalry.ratings.RatingStore;
import dev.rivalry.testsupport.TestKafka;
import dev.rivalry.tickets.Match;
import dev.rivalry.tickets.MatchOutcome;
import dev.rivalry.tickets.TicketIds;
import dev.rivalry.tickets.TicketStore;
import dev.rivalry.tokens.MatchClaims;
import dev.rivalry.tokens.PartyNames;
import dev.rivalry.tokens.Participant;
import dev.rivalry.tokens.ReportClaims;
import dev.rivalry.tokens.TokenIssuer;
import dev.rivalry.tokens.TokenKind;
import dev.rivalry.tokens.TokenVerifier;
import dev.rivalry.tokens.Verified;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static dev.rivalry.matchmaker.TicketFixtures.player;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Results through report tokens, against a matchmaker whose serverlist is a
 * {@link FakeServerlist}: its keys are fetched from its JWKS URL like the real one's. The
 * matchmaker is an instance of its own (not a cached test context), so the suite's shared
 * context is never paused and restarted for it.
 */
class ResultsIntegrationTests {

	static final String PROBLEM = "https://rivalry.dev/problems/";

	static final FakeServerlist serverlist = FakeServerlist.start();

	/** openskill.js "reverses rank": a duel of new players, at Rivalry's scale (60 times). */
	static final double WINNER_MU = 27.635389493140497 * 60;

	static final double LOSER_MU = 22.364610506859503 * 60;

	static final double DUEL_SIGMA = 8.06590141354368 * 60;

	static ConfigurableApplicationContext matchmaker;

	int port;

	TicketStore store;

	TokenVerifier verifier;

	RatingStore ratings;

	MeterRegistry meters;

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
		this.verifier = matchmaker.getBean(TokenVerifier.class);
		this.ratings = matchmaker.getBean(RatingStore.class);
		this.meters = matchmaker.getBean(MeterRegistry.class);
		this.client = TicketFixtures.clientAs(this.port, null);
	}

	@Test
	void aReportedDuelMovesTheWinnersMuUpAndTheLosersDownByTheReferenceAmounts() {
		String winner = player("winner");
		String loser = player("loser");
		WebTestClient backend = TicketFixtures.client(this.port);
		TicketView first = TicketFixtures.createDuel(backend, winner);
		TicketView second = TicketFixtures.createDuel(backend, loser);
		MatchOutcome.Formed formed = (MatchOutcome.Formed) TicketFixtures.match(this.store, "duel", first, second);
		String matchToken = backend.get()
			.uri("/v1/tickets/{id}", first.id())
			.exchange()
			.expectBody(TicketView.class)
			.returnResult()
			.getResponseBody()
			.match()
			.tokens()
			.get(winner);
		MatchClaims claims = ((Verified<MatchClaims>) this.verifier.verify(matchToken, TokenKind.MATCH).block()).claims();
		String reportToken = new TokenIssuer(serverlistKeys()).issue(TokenKind.REPORT,
				ReportClaims.of(claims, FakeServerlist.SERVER)).compact();
		String matchId = formed.match().id();

		report(matchId, reportToken, "{\"teams\": [{\"rank\": 1}, {\"rank\": 2}]}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.matchId").isEqualTo(matchId)
			.jsonPath("$.profile").isEqualTo("duel")
			.jsonPath("$.server").isEqualTo(FakeServerlist.SERVER)
			.jsonPath("$.teams[0].rank").isEqualTo(1)
			.jsonPath("$.teams[0].players[0].id").isEqualTo(winner)
			.jsonPath("$.teams[1].players[0].id").isEqualTo(loser)
			.jsonPath("$.teams[0].players[0].rating.matches").isEqualTo(1);

		assertRating(winner, WINNER_MU, DUEL_SIGMA, 1);
		assertRating(loser, LOSER_MU, DUEL_SIGMA, 1);
		this.client.get()
			.uri("/v1/players/{id}/ratings", winner)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.player").isEqualTo(winner)
			.jsonPath("$.ratings.duel.mu").value((Double mu) -> assertThat(mu).isCloseTo(WINNER_MU, within(1e-6)))
			.jsonPath("$.ratings.duel.ordinal")
			.value((Double ordinal) -> assertThat(ordinal).isCloseTo(WINNER_MU - 3 * DUEL_SIGMA, within(1e-6)))
			.jsonPath("$.ratings.duel.matches").isEqualTo(1)
			.jsonPath("$.ratings.squad.mu").isEqualTo(1500.0);

		List<ConsumerRecord<String, String>> published = TopicReader.read(TestKafka.bootstrapServers(), ResultStream.TOPIC,
				(value) -> value.contains(matchId));
		assertThat(published).singleElement().satisfies((record) -> {
			assertThat(record.key()).isEqualTo(matchId);
			assertThat(record.value()).contains("\"profile\":\"duel\"", "\"id\":\"" + winner + "\"", "\"rank\":2");
		});
	}

	static Stream<Arguments> refusals() {
		return Stream.of(
				refusal("no token", (match, other) -> null, 401, "invalid-report-token", "missing"),
				refusal("a token signed by a key the serverlist never published",
						(match, other) -> FakeServerlist.forgedReportToken(match), 401, "invalid-report-token", "unknown_key"),
				refusal("a token whose payload was swapped for another's",
						(match, other) -> swapPayload(serverlist.reportToken(other), serverlist.reportToken(match)), 401,
						"invalid-report-token", "bad_signature"),
				refusal("an expired token", (match, other) -> serverlist.expiredReportToken(match), 401,
						"invalid-report-token", "expired"),
				refusal("a token for another audience",
						(match, other) -> serverlist.reportTokenNaming(new PartyNames("leaderboard", "serverlist"), match),
						401, "invalid-report-token", "wrong_audience"),
				refusal("a token from another issuer",
						(match, other) -> serverlist.reportTokenNaming(new PartyNames("matchmaker", "fleet"), match), 401,
						"invalid-report-token", "wrong_issuer"),
				refusal("an allocation token of the match", (match, other) -> serverlist.allocationToken(match), 401,
						"invalid-report-token", "wrong_type"),
				refusal("a report token of another match", (match, other) -> serverlist.reportToken(other), 401,
						"invalid-report-token", "wrong_match"),
				refusal("a report token naming other participants",
						(match, other) -> serverlistToken(new ReportClaims(FakeServerlist.SERVER, match.id(), match.config(),
								other.participants(), null)),
						401, "invalid-report-token", "wrong_participants"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusals")
	void aReportIsRefusedAndNothingIsRecorded(String name, BiFunction<Match, Match, String> token, int status,
			String slug, String reason) {
		Match match = storedDuel();
		Match other = storedDuel();
		double before = refused(slug, reason);
		report(match.id(), token.apply(match, other), "{\"teams\": [{\"rank\": 1}, {\"rank\": 2}]}").expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo(PROBLEM + slug)
			.jsonPath("$.detail").value((String detail) -> assertThat(detail).doesNotContain("eyJ"));
		assertThat(refused(slug, reason)).isEqualTo(before + 1);
		assertThat(this.ratings.find("duel", match.participants().get(0).id()).block().isDefault()).isTrue();
		report(match.id(), serverlist.reportToken(match), "{\"teams\": [{\"rank\": 1}, {\"rank\": 2}]}").expectStatus()
			.isOk();
	}

	@Test
	void aReportOfAnUnknownMatchIsNotFound() {
		Match neverStored = duel();
		report(neverStored.id(), serverlist.reportToken(neverStored), "{\"teams\": [{\"rank\": 1}, {\"rank\": 2}]}")
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type").isEqualTo(PROBLEM + "match-not-found");
	}

	@Test
	void aSecondReportIsRefusedWhetherItComesWithTheSameTokenOrANewOne() {
		Match match = storedDuel();
		String token = serverlist.reportToken(match);
		report(match.id(), token, "{\"teams\": [{\"rank\": 1}, {\"rank\": 2}]}").expectStatus().isOk();
		for (String again : List.of(token, serverlist.reportToken(match))) {
			report(match.id(), again, "{\"teams\": [{\"rank\": 2}, {\"rank\": 1}]}").expectStatus()
				.isEqualTo(409)
				.expectBody()
				.jsonPath("$.type").isEqualTo(PROBLEM + "result-already-reported");
		}
		assertRating(match.participants().get(0).id(), WINNER_MU, DUEL_SIGMA, 1);
		assertRating(match.participants().get(1).id(), LOSER_MU, DUEL_SIGMA, 1);
	}

	@ParameterizedTest(name = "{0} -> {1} {2}")
	@CsvSource(delimiter = '|', textBlock = """
			not json                                         | 400 | malformed-request
			{}                                               | 400 | invalid-request
			{"teams": []}                                    | 400 | invalid-request
			{"teams": [{"rank": 1}, {}]}                     | 400 | invalid-request
			{"teams": [{"rank": 1}]}                         | 422 | result-does-not-fit-match
			{"teams": [{"rank": 1}, {"rank": 2}, {"rank": 3}]} | 422 | result-does-not-fit-match
			{"teams": [{"rank": 0}, {"rank": 1}]}            | 422 | result-does-not-fit-match
			{"teams": [{"rank": 1}, {"rank": 3}]}            | 422 | result-does-not-fit-match
			""")
	void aBodyThatDoesNotFitTheMatchIsRefusedAndTheTokenStaysUsable(String body, int status, String slug) {
		Match match = storedDuel();
		String token = serverlist.reportToken(match);
		report(match.id(), token, body).expectStatus()
			.isEqualTo(status)
			.expectBody()
			.jsonPath("$.type").isEqualTo(PROBLEM + slug);
		report(match.id(), token, "{\"teams\": [{\"rank\": 1}, {\"rank\": 1}]}").expectStatus().isOk();
		assertThat(this.ratings.find("duel", match.participants().get(0).id()).block().rating().mu())
			.as("a draw of equals moves no mu")
			.isCloseTo(1500, within(1e-9));
	}

	@Test
	void concurrentResultsOfOnePlayerAllApply() {
		String champion = player("champion");
		int matches = 8;
		List<Match> played = new ArrayList<>();
		for (int i = 0; i < matches; i++) {
			played.add(stored(duel(champion, player("challenger"))));
		}
		// Warm up: the serverlist's keys fetched and the results topic created once, so the
		// burst below measures concurrent rating updates, not eight cold starts at once.
		Match warmUp = storedDuel();
		report(warmUp.id(), serverlist.reportToken(warmUp), "{\"teams\": [{\"rank\": 1}, {\"rank\": 2}]}")
			.expectStatus()
			.isOk();
		WebClient web = WebClient.create("http://localhost:" + this.port);
		List<Integer> statuses = Flux.fromIterable(played)
			.flatMap((match) -> web.post()
				.uri("/v1/matches/{id}/results", match.id())
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + serverlist.reportToken(match))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"teams\": [{\"rank\": 1}, {\"rank\": 2}]}")
				.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value())), matches)
			.collectList()
			.block(Duration.ofSeconds(60));
		assertThat(statuses).hasSize(matches).containsOnly(200);
		// Every challenger is new, so the champion's rating after all of them does not
		// depend on the order the results were applied in.
		OpenSkill model = new OpenSkill(OpenSkill.Parameters.DEFAULT);
		Rating expected = model.initial();
		for (int i = 0; i < matches; i++) {
			expected = model.rate(List.of(List.of(expected), List.of(model.initial())), List.of(1, 2)).get(0).get(0);
		}
		assertRating(champion, expected.mu(), expected.sigma(), matches);
	}

	private WebTestClient.ResponseSpec report(String matchId, String token, String body) {
		WebTestClient.RequestBodySpec request = this.client.post()
			.uri("/v1/matches/{id}/results", matchId)
			.contentType(MediaType.APPLICATION_JSON);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return request.bodyValue(body).exchange();
	}

	private void assertRating(String player, double mu, double sigma, long matches) {
		Rating rating = this.ratings.find("duel", player).block().rating();
		assertThat(rating.mu()).isCloseTo(mu, within(1e-6));
		assertThat(rating.sigma()).isCloseTo(sigma, within(1e-6));
		assertThat(rating.matches()).isEqualTo(matches);
	}

	private double refused(String slug, String reason) {
		Counter counter = this.meters.find("rivalry.results.refused").tag("reason", slug).tag("token", reason).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private Match storedDuel() {
		return stored(duel());
	}

	private Match stored(Match match) {
		assertThat(this.store.match(match, List.of()).block()).isInstanceOf(MatchOutcome.Formed.class);
		return match;
	}

	private static Match duel() {
		return duel(player("a"), player("b"));
	}

	private static Match duel(String first, String second) {
		return new Match(TicketIds.newId("duel", "eu"), "duel",
				List.of(new Participant(first, 0), new Participant(second, 1)), Map.of("map", "arena"), null, null,
				Instant.now());
	}

	private static String serverlistToken(ReportClaims claims) {
		return new TokenIssuer(serverlistKeys()).issue(TokenKind.REPORT, claims).compact();
	}

	private static dev.rivalry.tokens.SigningKeys serverlistKeys() {
		return serverlist.keys();
	}

	private static String swapPayload(String signed, String payloadDonor) {
		String[] parts = signed.split("\\.");
		return parts[0] + "." + payloadDonor.split("\\.")[1] + "." + parts[2];
	}

	private static Arguments refusal(String name, BiFunction<Match, Match, String> token, int status, String slug,
			String reason) {
		return Arguments.of(name, token, status, slug, reason);
	}

}
