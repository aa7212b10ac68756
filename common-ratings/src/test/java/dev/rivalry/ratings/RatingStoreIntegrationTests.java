package dev.rivalry.ratings;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.rivalry.testsupport.redis.RedisConnections;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's compare-and-set script against a real Redis.
 */
class RatingStoreIntegrationTests {

	@RegisterExtension
	static final RedisConnections redis = RedisConnections.scoped("ratings:");

	static RatingStore store;

	static final Rating initial = OpenSkill.Parameters.DEFAULT.initial();

	@BeforeAll
	static void createStore() {
		store = new RatingStore(redis.template(), new RatingKeys(redis.keyPrefix()),
				initial, JsonMapper.builder().build(), Clock.systemUTC(), Duration.ofMinutes(5));
	}

	@Test
	void aPlayerNeverRatedReadsAsTheDefaultAtVersionZero() {
		String player = player();
		assertThat(store.find("duel", player).block()).isEqualTo(new StoredRating(initial, 0));
		assertThat(store.find(player).block()).isEmpty();
		assertThat(store.find("duel", List.of(player, player)).block()).containsOnlyKeys(player);
	}

	@Test
	void anUpdateFromTheVersionReadAppliesAndReadsBack() {
		String player = player();
		Rating next = new Rating(1600, 450, 1);
		assertThat(store.update("duel", player, 0, next, "m-1").block())
			.isEqualTo(new UpdateOutcome.Applied(new StoredRating(next, 1)));
		assertThat(store.find("duel", player).block()).isEqualTo(new StoredRating(next, 1));
		assertThat(store.find(player).block()).isEqualTo(Map.of("duel", new StoredRating(next, 1)));
		assertThat(store.find("squad", player).block()).isEqualTo(new StoredRating(initial, 0));
	}

	@Test
	void anUpdateFromAStaleVersionIsAConflictAndWritesNothing() {
		String player = player();
		Rating first = new Rating(1600, 450, 1);
		store.update("duel", player, 0, first, "m-1").block();
		UpdateOutcome stale = store.update("duel", player, 0, new Rating(1400, 450, 1), "m-2").block();
		assertThat(stale).isEqualTo(new UpdateOutcome.Conflict(new StoredRating(first, 1)));
		assertThat(store.find("duel", player).block().rating()).isEqualTo(first);
	}

	@Test
	void aMatchIsAppliedToAPlayerOnlyOnce() {
		String player = player();
		Rating first = new Rating(1600, 450, 1);
		store.update("duel", player, 0, first, "m-1").block();
		UpdateOutcome again = store.update("duel", player, 1, new Rating(1700, 400, 2), "m-1").block();
		assertThat(again).isEqualTo(new UpdateOutcome.AlreadyApplied(new StoredRating(first, 1)));
	}

	@Test
	void everyAppliedUpdateIsAnnounced() {
		String player = player();
		ReactiveRedisMessageListenerContainer container = new ReactiveRedisMessageListenerContainer(redis.factory());
		try {
			Flux<RatingChange> changes = store.changes(container).block(Duration.ofSeconds(10));
			StepVerifier.create(changes.filter((change) -> change.player().equals(player)).next())
				.then(() -> store.update("duel", player, 0, new Rating(1600, 450, 1), "m-1").block())
				.expectNext(new RatingChange("duel", player))
				.verifyComplete();
		}
		finally {
			container.destroy();
		}
	}

	private static String player() {
		return "p-" + UUID.randomUUID();
	}

}
