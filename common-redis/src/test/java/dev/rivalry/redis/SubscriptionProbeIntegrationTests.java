package dev.rivalry.redis;

import java.time.Duration;
import java.util.UUID;

import dev.rivalry.testsupport.RedisEndpoint;
import dev.rivalry.testsupport.TestRedis;
import io.lettuce.core.event.connection.ConnectionActivatedEvent;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

/**
 * A router whose pub/sub connection is killed by Redis ({@code CLIENT KILL TYPE pubsub}):
 * Lettuce reconnects and re-subscribes on its own, and the probe reports the gap once its
 * own message comes back through the new subscription, so followers know to read again.
 */
class SubscriptionProbeIntegrationTests {

	ClientResources resources;

	LettuceConnectionFactory connections;

	ReactiveRedisMessageListenerContainer container;

	ChannelRouter<String> router;

	String prefix;

	@BeforeEach
	void start() {
		RedisEndpoint endpoint = TestRedis.get();
		this.resources = DefaultClientResources.create();
		this.connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(endpoint.host(), endpoint.port()),
				LettuceClientConfiguration.builder().clientResources(this.resources).build());
		this.connections.afterPropertiesSet();
		this.connections.start();
		this.container = new ReactiveRedisMessageListenerContainer(this.connections);
		this.prefix = endpoint.keyPrefix() + "probe-" + UUID.randomUUID() + ":";
		SubscriptionProbe probe = new SubscriptionProbe(new ReactiveStringRedisTemplate(this.connections), this.prefix,
				Duration.ofMillis(200),
				this.resources.eventBus().get().filter(ConnectionActivatedEvent.class::isInstance));
		this.router = new ChannelRouter<>(this.container, this.prefix, String::toUpperCase, probe);
		this.router.afterPropertiesSet();
	}

	@AfterEach
	void stop() {
		this.router.destroy();
		this.container.destroy();
		this.connections.destroy();
		this.resources.shutdown();
	}

	@Test
	void aKilledSubscriptionIsReportedAsAGapOnceItDeliversAgain() {
		StepVerifier.create(this.router.gaps().take(1))
			.expectSubscription()
			.as("probes that come back are no gap")
			.expectNoEvent(Duration.ofMillis(700))
			.then(() -> TestRedis.get().killPubSubConnections())
			.expectNextCount(1)
			.expectComplete()
			.verify(Duration.ofSeconds(15));
		try (ChannelRouter.Watcher<String> watcher = this.router.watch("after")) {
			new ReactiveStringRedisTemplate(this.connections).convertAndSend(this.prefix + "after", "delivered").block();
			StepVerifier.create(watcher.messages().take(1)).expectNext("DELIVERED").verifyComplete();
		}
	}

	@Test
	void probesReachNeitherWatchersNorTheDecoder() {
		ChannelRouter<Integer> numbers = new ChannelRouter<>(this.container, this.prefix, Integer::valueOf,
				new SubscriptionProbe(new ReactiveStringRedisTemplate(this.connections), this.prefix,
						Duration.ofMillis(50), reactor.core.publisher.Flux.never()));
		numbers.afterPropertiesSet();
		try {
			StepVerifier.create(numbers.all().take(1))
				.then(() -> new ReactiveStringRedisTemplate(this.connections).convertAndSend(this.prefix + "n", "7").block())
				.expectNext(7)
				.verifyComplete();
		}
		finally {
			numbers.destroy();
		}
	}

}
