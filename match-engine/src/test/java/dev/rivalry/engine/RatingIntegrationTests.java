package dev.rivalry.engine;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.rivalry.engine.pool.PoolRegistry;
import dev.rivalry.engine.pool.PoolView;
import dev.rivalry.ratings.Rating;
import dev.rivalry.ratings.RatingStore;
import dev.rivalry.tickets.Ticket;
import dev.rivalry.tickets.TicketState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rating strategy matches by the players' stored ratings (their {@code mu}), not by
 * anything the ticket says: with a spread of 100 that never widens, players rated 1500
 * and 1800 wait, players rated 1700 and 1760 play.
 */
class RatingIntegrationTests {

	static ConfigurableApplicationContext engine;

	static TicketFeed feed;

	static RatingStore ratings;

	@BeforeAll
	static void start() {
		feed = new TicketFeed();
		ratings = feed.ratings();
		engine = EngineInstances.start("engine-rating-it",
				Map.of("rivalry.profiles.location", "classpath:engine-rating-profiles.yml"));
		await().atMost(Duration.ofSeconds(30)).until(() -> !engine.getBean(PoolRegistry.class).all().isEmpty());
	}

	@AfterAll
	static void stop() {
		engine.close();
		feed.close();
	}

	@Test
	void playersWhoseStoredRatingsAreFarApartAreNotMatchedWhileCloseOnesAre() {
		String newcomer = player();
		String veteran = rated(1800);
		String close = rated(1700);
		String closer = rated(1760);
		Ticket far1 = feed.create("rated", "far", newcomer);
		Ticket far2 = feed.create("rated", "far", veteran);
		await().atMost(Duration.ofSeconds(20)).until(() -> waiting("far") == 2);
		Ticket near1 = feed.create("rated", "near", close);
		Ticket near2 = feed.create("rated", "near", closer);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> feed.find(near1.id()).state() == TicketState.MATCHED
					&& feed.find(near2.id()).state() == TicketState.MATCHED);
		assertThat(feed.find(near1.id()).match().id()).isEqualTo(feed.find(near2.id()).match().id());
		assertThat(feed.find(far1.id()).state()).isEqualTo(TicketState.SEARCHING);
		assertThat(feed.find(far2.id()).state()).isEqualTo(TicketState.SEARCHING);
		assertThat(waiting("far")).isEqualTo(2);
	}

	private static String rated(double mu) {
		String player = player();
		ratings.update("rated", player, 0, new Rating(mu, 200, 10), "m-" + player).block();
		return player;
	}

	private static String player() {
		return "p-" + UUID.randomUUID();
	}

	private static int waiting(String pool) {
		return engine.getBean(PoolRegistry.class)
			.describe(java.time.Instant.now())
			.stream()
			.filter((view) -> view.pool().equals(pool))
			.mapToInt(PoolView::waiting)
			.sum();
	}

}
