package dev.rivalry.redis;

import java.time.Duration;
import java.util.UUID;

import dev.rivalry.testsupport.TestRedis;
import dev.rivalry.testsupport.redis.RedisConnections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The router against a real Redis: one pattern subscription, messages routed by id.
 */
class ChannelRouterIntegrationTests {

	@RegisterExtension
	static final RedisConnections redis = RedisConnections.scoped("router-" + UUID.randomUUID() + ":");

	static ReactiveRedisMessageListenerContainer container;

	static String prefix;

	static ChannelRouter<String> router;

	@BeforeAll
	static void start() {
		container = new ReactiveRedisMessageListenerContainer(redis.factory());
		prefix = redis.keyPrefix();
		router = new ChannelRouter<>(container, prefix, String::toUpperCase);
		router.afterPropertiesSet();
	}

	@AfterAll
	static void stop() {
		router.destroy();
		container.destroy();
	}

	@Test
	void aWatcherReceivesTheDecodedMessagesOfItsIdOnly() {
		try (ChannelRouter.Watcher<String> watcher = router.watch("a")) {
			publish("b", "not mine");
			publish("a", "mine");
			StepVerifier.create(watcher.messages()).expectNext("MINE").thenCancel().verify(Duration.ofSeconds(5));
		}
	}

	@Test
	void twoWatchersOfOneIdBothReceiveAndOneLeavingDoesNotDeafenTheOther() {
		ChannelRouter.Watcher<String> first = router.watch("shared");
		try (ChannelRouter.Watcher<String> second = router.watch("shared")) {
			publish("shared", "one");
			StepVerifier.create(first.messages().take(1)).expectNext("ONE").verifyComplete();
			first.close();
			publish("shared", "two");
			StepVerifier.create(second.messages()).expectNext("ONE", "TWO").thenCancel().verify(Duration.ofSeconds(5));
		}
	}

	@Test
	void aListenerOfAllReceivesEveryIdsMessagesBesideTheWatchers() {
		try (ChannelRouter.Watcher<String> watcher = router.watch("watched")) {
			StepVerifier.create(router.all().filter((message) -> message.startsWith("ALL-")).take(2))
				.then(() -> {
					publish("unwatched", "all-one");
					publish("watched", "all-two");
				})
				.expectNext("ALL-ONE", "ALL-TWO")
				.expectComplete()
				.verify(Duration.ofSeconds(5));
			StepVerifier.create(watcher.messages()).expectNext("ALL-TWO").thenCancel().verify(Duration.ofSeconds(5));
		}
	}

	@Test
	void aMessageThatCannotBeDecodedIsSkippedAndRoutingGoesOn() {
		String picky = endpointPrefix() + "picky-" + UUID.randomUUID() + ":";
		ChannelRouter<Integer> numbers = new ChannelRouter<>(container, picky, Integer::valueOf);
		numbers.afterPropertiesSet();
		try (ChannelRouter.Watcher<Integer> watcher = numbers.watch("n")) {
			redis.template().convertAndSend(picky + "n", "not a number").block();
			redis.template().convertAndSend(picky + "n", "42").block();
			StepVerifier.create(watcher.messages()).expectNext(42).thenCancel().verify(Duration.ofSeconds(5));
		}
		finally {
			numbers.destroy();
		}
	}

	@Test
	void closedWatchersLeaveNothingBehind() {
		for (int i = 0; i < 100; i++) {
			router.watch("gone-" + (i % 7)).close();
		}
		assertThat(router.watched()).isZero();
	}

	private static String endpointPrefix() {
		return TestRedis.get().keyPrefix();
	}

	private static void publish(String id, String message) {
		redis.template().convertAndSend(prefix + id, message).block();
	}

}
