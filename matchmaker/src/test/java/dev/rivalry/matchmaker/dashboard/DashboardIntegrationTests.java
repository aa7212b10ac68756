package dev.rivalry.matchmaker.dashboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import dev.rivalry.matchmaker.MatchmakerIntegrationTest;
import dev.rivalry.matchmaker.TicketFixtures;
import dev.rivalry.matchmaker.ticket.TicketView;
import dev.rivalry.ratings.Rating;
import dev.rivalry.ratings.RatingStore;
import dev.rivalry.testsupport.sse.EventStream;
import dev.rivalry.tickets.MatchOutcome;
import dev.rivalry.tickets.TicketStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.rivalry.matchmaker.TicketFixtures.player;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's feed as a browser receives it from the management port,
 * {@code GET /v1/dashboard/events}: matches
 * formed through {@link TicketStore#match} (the engine's one path) are counted, timed and
 * listed with their players and rating changes; the engines' pools and the serverlist's
 * servers are read, and a service that does not answer is named, not fatal.
 */
@MatchmakerIntegrationTest
class DashboardIntegrationTests {

	private static final EventStream<JsonNode> SNAPSHOTS = EventStream.of(JsonNode.class);

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("rivalry.matchmaker.dashboard.interval", () -> "200ms");
		registry.add("rivalry.matchmaker.dashboard.timeout", () -> "1s");
		registry.add("rivalry.matchmaker.dashboard.engines",
				() -> FakeServices.ENGINE_A + "," + FakeServices.ENGINE_B + "," + FakeServices.NOBODY);
		registry.add("rivalry.matchmaker.dashboard.serverlist", () -> FakeServices.SERVERLIST.toString());
	}

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	TicketStore store;

	@Autowired
	RatingStore ratings;

	WebTestClient client;

	/** The dashboard's side: the management port, as an operator's browser calls it. */
	WebTestClient operator;

	@BeforeEach
	void connect() {
		this.client = TicketFixtures.client(this.port);
		this.operator = TicketFixtures.operator(this.managementPort);
	}

	@Test
	void aFormedMatchIsCountedTimedAndListedWithItsPlayers() {
		String ann = player("ann");
		String ben = player("ben");
		String matchId = matchDuel(ann, ben);

		// The match is listed from its first ticket's change; both tickets' waits are counted
		// once the second one's change has come in too.
		JsonNode snapshot = firstSnapshot(
				(s) -> recentMatch(s, matchId) != null && s.at("/matches/timeToMatch/count").asLong() >= 2);

		JsonNode match = recentMatch(snapshot, matchId);
		assertThat(match.get("profile").asString()).isEqualTo("duel");
		assertThat(match.get("pool").asString()).isEqualTo("eu");
		assertThat(playersOf(match)).containsExactly(List.of(ann), List.of(ben));
		assertThat(snapshot.at("/matches/total").asLong()).isPositive();
		assertThat(snapshot.at("/matches/perSecond").asDouble()).isGreaterThanOrEqualTo(0);
		assertThat(snapshot.at("/matches/timeToMatch/count").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(snapshot.at("/matches/timeToMatch/max").asLong())
			.isGreaterThanOrEqualTo(snapshot.at("/matches/timeToMatch/p50").asLong());
	}

	@Test
	void theRatingsWhenTheMatchFormedAndAfterItsResultAreShown() {
		String ann = player("ann");
		String ben = player("ben");
		String matchId = matchDuel(ann, ben);
		JsonNode formed = recentMatch(firstSnapshot((s) -> hasRating(s, matchId, "before")), matchId);
		assertThat(formed.at("/teams/0/players/0/before").asDouble()).isEqualTo(1500.0);
		assertThat(formed.at("/teams/0/players/0/after").isMissingNode()).isTrue();

		this.ratings.update("duel", ann, 0, new Rating(1620, 480, 1), matchId).block(PATIENCE);
		this.ratings.update("duel", ben, 0, new Rating(1380, 480, 1), matchId).block(PATIENCE);

		JsonNode rated = recentMatch(firstSnapshot((s) -> hasRating(s, matchId, "after")), matchId);
		assertThat(rated.at("/teams/0/players/0/after").asDouble()).isEqualTo(1620.0);
		assertThat(rated.at("/teams/1/players/0/after").asDouble()).isEqualTo(1380.0);
	}

	@Test
	void poolsOfTheEnginesThatAnswerAreShownAndTheSilentOneIsNamed() {
		JsonNode pools = firstSnapshot((s) -> true).get("pools");

		assertThat(pools.get("status").asString()).isEqualTo("PARTIAL");
		assertThat(pools.get("unavailable").values()).extracting(JsonNode::asString)
			.containsExactly(FakeServices.NOBODY.toString());
		assertThat(pools.get("data").values()).extracting((pool) -> pool.get("profile").asString() + "/"
				+ pool.get("pool").asString() + "=" + pool.get("waiting").asInt())
			.containsExactly("duel/eu=4", "duel/us=2", "squad/eu=7");
		// an engine that does not count backfills (an older one, during an upgrade) counts none
		assertThat(pools.get("data").values()).extracting((pool) -> pool.get("backfills").asInt())
			.containsExactly(1, 0, 0);
	}

	@Test
	void serversAreCountedByStateAndByRegion() {
		JsonNode servers = firstSnapshot((s) -> true).get("servers");

		assertThat(servers.get("status").asString()).isEqualTo("OK");
		assertThat(servers.at("/data/total").asInt()).isEqualTo(3);
		assertThat(servers.at("/data/byState/READY").asInt()).isEqualTo(1);
		assertThat(servers.at("/data/byState/PLAYING").asInt()).isEqualTo(2);
		assertThat(servers.at("/data/byState/UNHEALTHY").asInt()).isZero();
		assertThat(servers.at("/data/byRegion/us/PLAYING").asInt()).isEqualTo(1);
	}

	@Test
	void thePageAndItsScriptAreServedAndTheScriptFollowsTheEvents() {
		String page = this.operator.get().uri("/").exchange().expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("/dashboard/dashboard.js", "id=\"matches-per-second\"");
		String script = this.operator.get().uri("/dashboard/dashboard.js").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(script).contains("new EventSource('/v1/dashboard/events')", "'snapshot'");
	}

	private String matchDuel(String first, String second) {
		TicketView a = TicketFixtures.createDuel(this.client, first);
		TicketView b = TicketFixtures.createDuel(this.client, second);
		MatchOutcome outcome = TicketFixtures.match(this.store, "duel", a, b);
		assertThat(outcome).isInstanceOf(MatchOutcome.Formed.class);
		return ((MatchOutcome.Formed) outcome).match().id();
	}

	/** The first snapshot on the event stream that fits, within the patience. */
	private JsonNode firstSnapshot(Predicate<JsonNode> fits) {
		return SNAPSHOTS.named("snapshot", this.operator.get().uri("/v1/dashboard/events"))
			.map(ServerSentEvent::data)
			.filter(fits)
			.blockFirst(PATIENCE);
	}

	private static JsonNode recentMatch(JsonNode snapshot, String matchId) {
		for (JsonNode match : snapshot.get("recent").values()) {
			if (match.get("id").asString().equals(matchId)) {
				return match;
			}
		}
		return null;
	}

	private static boolean hasRating(JsonNode snapshot, String matchId, String which) {
		JsonNode match = recentMatch(snapshot, matchId);
		return match != null && match.at("/teams/0/players/0/" + which).isNumber()
				&& match.at("/teams/1/players/0/" + which).isNumber();
	}

	private static List<List<String>> playersOf(JsonNode match) {
		List<List<String>> teams = new ArrayList<>();
		for (JsonNode team : match.get("teams").values()) {
			teams.add(team.get("players").values().stream().map((player) -> player.get("id").asString()).toList());
		}
		return teams;
	}

}
