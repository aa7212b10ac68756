package dev.rivalry.standalone;

import java.time.Duration;
import java.util.List;

import dev.rivalry.standalone.demo.Demo;
import dev.rivalry.standalone.demo.DemoSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo traffic against the three services, wired as standalone wires them: simulated
 * servers register, bots alone and in parties queue, are matched, allocated and play; the
 * servers report the results and the players' ratings move; closing the demo deregisters
 * its servers.
 */
class DemoEndToEndTests {

	private static final String REGION = "ap";

	/**
	 * One region, two servers, four duel players and one squad's worth of parties, playing fast.
	 * The region is one the default profiles allow where no other test registers servers.
	 */
	private static final DemoSettings FAST = new DemoSettings(List.of(REGION), 2, 4, 4, List.of(3, 2, 1, 1, 1, 2),
			new DemoSettings.Span(Duration.ofMillis(300), Duration.ofMillis(600)),
			new DemoSettings.Span(Duration.ZERO, Duration.ofMillis(100)),
			new DemoSettings.Span(Duration.ofMillis(100), Duration.ofMillis(300)), 7, 0.5,
			new DemoSettings.Answers(0.8, 0.1, new DemoSettings.Span(Duration.ZERO, Duration.ofMillis(200))));

	static Services services;

	@BeforeAll
	static void start() {
		services = new Services("demo-e2e").start();
	}

	@AfterAll
	static void stop() {
		services.close();
	}

	@Test
	void botsAloneAndInPartiesPlayMatchesWhoseResultsMoveTheirRatings() {
		Demo demo = Demo.start(services.matchmakerUri(), services.serverlistUri(), services.identityUri(),
				Services.FLEET_KEY, FAST);
		try {
			await().atMost(Duration.ofSeconds(45)).until(() -> demo.activity().reported() >= 4);
			await().atMost(Duration.ofSeconds(30)).until(() -> ratedMatches(REGION + "-squad-01", "squad") >= 1);

			await().atMost(Duration.ofSeconds(30)).until(() -> demo.activity().backfills() >= 1);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> demo.activity().accepted() >= 2 && ratedMatches(REGION + "-arena-01", "arena")
						+ ratedMatches(REGION + "-arena-02", "arena") >= 1);

			assertThat(demo.players()).hasSize(FAST.bots());
			assertThat(demo.activity().reportsFailed()).isZero();
			long duelMatches = demo.players()
				.stream()
				.filter((player) -> player.contains("-duel-"))
				.mapToLong((player) -> ratedMatches(player, "duel"))
				.sum();
			assertThat(duelMatches).as("duel results applied to the players' ratings").isPositive();
			assertThat(demoServers()).as("the demo's servers while it runs").isEqualTo(2);
		}
		finally {
			demo.close();
		}
		assertThat(demoServers()).as("closing the demo deregisters its servers").isZero();
	}

	private static long ratedMatches(String player, String profile) {
		JsonNode ratings = services.matchmaker()
			.get()
			.uri("/v1/players/{id}/ratings", player)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		return ratings.at("/ratings/" + profile + "/matches").asLong();
	}

	/** Servers in the demo's own region, as an operator lists them: no other test registers there. */
	private static int demoServers() {
		JsonNode listing = services.serverlistOperator()
			.get()
			.uri("/v1/servers?region={region}", REGION)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		return listing.get("servers").size();
	}

}
