package dev.rivalry.matchmaker.rating;

import dev.rivalry.matchmaker.MatchmakerIntegrationTest;
import dev.rivalry.matchmaker.TicketFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.rivalry.matchmaker.TicketFixtures.player;

@MatchmakerIntegrationTest
class RatingsIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void aPlayerNeverRatedHasTheDefaultRatingInEveryProfile() {
		String stranger = player("stranger");
		TicketFixtures.client(this.port)
			.get()
			.uri("/v1/players/{id}/ratings", stranger)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.player").isEqualTo(stranger)
			.jsonPath("$.ratings.length()").isEqualTo(3)
			.jsonPath("$.ratings.duel.mu").isEqualTo(1500.0)
			.jsonPath("$.ratings.duel.sigma").isEqualTo(500.0)
			.jsonPath("$.ratings.duel.ordinal").isEqualTo(0.0)
			.jsonPath("$.ratings.duel.matches").isEqualTo(0)
			.jsonPath("$.ratings.squad.mu").isEqualTo(1500.0)
			.jsonPath("$.ratings.blitz.matches").isEqualTo(0);
	}

}
