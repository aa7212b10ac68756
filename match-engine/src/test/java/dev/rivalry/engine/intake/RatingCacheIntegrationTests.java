package dev.rivalry.engine.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.rivalry.engine.TicketFeed;
import dev.rivalry.ratings.OpenSkill;
import dev.rivalry.ratings.Rating;
import dev.rivalry.ratings.RatingStore;
import dev.rivalry.testsupport.redis.RedisConnections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The engine's rating cache against a real Redis: a rating read once is served from the
 * cache, and a result applied to it drops it, so the next read is fresh well before the
 * TTL (an hour here).
 */
class RatingCacheIntegrationTests {

	static TicketFeed feed;

	static RatingStore store;

	@RegisterExtension
	static final RedisConnections pubSub = RedisConnections.scoped("");

	static RatingCache cache;

	@BeforeAll
	static void start() {
		feed = new TicketFeed();
		store = feed.ratings();
		cache = new RatingCache(store, new ReactiveRedisMessageListenerContainer(pubSub.factory()), Duration.ofHours(1), 1000,
				Clock.systemUTC());
		cache.start();
	}

	@AfterAll
	static void stop() {
		cache.stop();
		feed.close();
	}

	@Test
	void aPlayerNeverRatedReadsAsTheDefault() {
		String player = "p-" + UUID.randomUUID();
		assertThat(cache.ratings("rated", List.of(player)).block().get(player))
			.isEqualTo(OpenSkill.Parameters.DEFAULT.initial());
	}

	@Test
	void aCachedRatingIsDroppedWhenAResultChangesIt() {
		String player = "p-" + UUID.randomUUID();
		store.update("rated", player, 0, new Rating(2000, 300, 5), "m-1").block();
		// A read that races with the change's own announcement is used but not kept: read
		// until it is kept.
		await().atMost(Duration.ofSeconds(10)).until(() -> mu(player) == 2000 && cache.isCached("rated", player));
		store.update("rated", player, 1, new Rating(1600, 290, 6), "m-2").block();
		await().atMost(Duration.ofSeconds(10)).until(() -> mu(player) == 1600);
	}

	private static double mu(String player) {
		return cache.ratings("rated", List.of(player)).block().get(player).mu();
	}

}
