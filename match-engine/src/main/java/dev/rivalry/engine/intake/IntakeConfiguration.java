package dev.rivalry.engine.intake;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import dev.rivalry.engine.pool.PoolRegistry;
import dev.rivalry.engine.pool.Pools;
import dev.rivalry.engine.system.EngineProperties;
import dev.rivalry.profiles.MatchProfiles;
import dev.rivalry.ratings.RatingStore;
import dev.rivalry.ratings.autoconfigure.RatingsProperties;
import dev.rivalry.tickets.TicketCodec;
import dev.rivalry.tickets.TicketStore;
import dev.rivalry.tickets.backfill.BackfillStore;

import org.springframework.cloud.stream.binder.kafka.KafkaListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.messaging.Message;
import org.springframework.util.backoff.FixedBackOff;

@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

	@Bean
	LowWaterMarks lowWaterMarks() {
		return new LowWaterMarks();
	}

	/**
	 * The engine's pub/sub connection: rating changes, which keep the rating cache fresh, and
	 * proposals that end.
	 */
	@Bean(destroyMethod = "destroy")
	ReactiveRedisMessageListenerContainer ratingChannels(ReactiveRedisConnectionFactory connectionFactory) {
		return new ReactiveRedisMessageListenerContainer(connectionFactory);
	}

	@Bean
	RatingCache ratingCache(RatingStore store, ReactiveRedisMessageListenerContainer ratingChannels,
			RatingsProperties properties, Clock clock) {
		return new RatingCache(store, ratingChannels, properties.cache().ttl(), properties.cache().maxEntries(), clock);
	}

	/** The ticket binding's function ({@code spring.cloud.function.definition=tickets}). */
	@Bean
	Consumer<Message<List<byte[]>>> tickets(PoolRegistry registry, Pools pools, TicketStore store,
			BackfillStore backfills, TicketCodec codec, LowWaterMarks marks, RatingCache ratings) {
		return new TicketIntake(registry, pools, store, backfills, codec, marks, ratings);
	}

	@Bean
	PartitionOwnership partitionOwnership(PoolRegistry registry, MatchProfiles profiles, LowWaterMarks marks) {
		return new PartitionOwnership(registry, profiles, marks);
	}

	@Bean
	ConsumerGroupSettings consumerGroupSettings(EngineProperties properties) {
		return new ConsumerGroupSettings(properties.group());
	}

	@Bean
	IdleCommits idleCommits(PoolRegistry registry, LowWaterMarks marks) {
		return new IdleCommits(registry, marks);
	}

	/**
	 * The engine commits offsets itself (low-water marks), so the container must never
	 * commit on its own; idle events let it commit while no records arrive; and a batch
	 * that fails (Redis unreachable) is retried until it applies, never skipped.
	 */
	@Bean
	KafkaListenerContainerCustomizer ticketContainer(EngineProperties properties) {
		return (container, destination, group) -> {
			container.getContainerProperties().setAckMode(AckMode.MANUAL);
			container.getContainerProperties().setIdleEventInterval(properties.idleCommitInterval().toMillis());
			container.setCommonErrorHandler(new DefaultErrorHandler(
					new FixedBackOff(properties.retryBackoff().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS)));
		};
	}

}
