package dev.rivalry.engine.pool;

import java.time.Clock;

import dev.rivalry.engine.system.EngineProperties;
import dev.rivalry.kafka.RecordPublisher;
import dev.rivalry.kafka.SendAcknowledgements;
import dev.rivalry.profiles.MatchProfiles;
import dev.rivalry.ratings.OpenSkill;
import dev.rivalry.tickets.TicketCodec;
import dev.rivalry.tickets.TicketKeys;
import dev.rivalry.tickets.TicketStore;
import dev.rivalry.tickets.proposal.ProposalStore;
import dev.rivalry.tickets.backfill.BackfillStore;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

@Configuration(proxyBeanMethods = false)
class PoolConfiguration {

	@Bean
	PoolRegistry poolRegistry() {
		return new PoolRegistry();
	}

	@Bean
	EngineMetrics engineMetrics(MeterRegistry registry, MatchProfiles profiles, PoolRegistry pools) {
		return new EngineMetrics(registry, profiles, pools);
	}

	/** Its threads hand formed matches to the Kafka producer ({@code rivalry.engine.send-threads}). */
	@Bean(destroyMethod = "close")
	RecordPublisher recordPublisher(StreamBridge bridge, SendAcknowledgements acknowledgements,
			EngineProperties properties) {
		return new RecordPublisher(bridge, acknowledgements, properties.sendThreads(), "match-send",
				properties.acknowledgementTimeout());
	}

	@Bean
	MatchPublisher matchPublisher(RecordPublisher publisher, TicketCodec codec, MeterRegistry registry) {
		return new MatchPublisher(publisher, codec, registry);
	}

	@Bean
	PoolMatcher poolMatcher(TicketStore store, BackfillStore backfills, ProposalStore proposals,
			MatchPublisher publisher, EngineMetrics metrics, Clock clock) {
		return new PoolMatcher(store, backfills, proposals, publisher, metrics, clock);
	}

	@Bean
	ProposalAnnouncements proposalAnnouncements(ReactiveRedisMessageListenerContainer container, TicketKeys keys,
			PoolMatcher matcher) {
		return new ProposalAnnouncements(container, keys, matcher);
	}

	@Bean
	PoolEviction poolEviction(PoolRegistry registry, EngineMetrics metrics, Clock clock, EngineProperties properties) {
		EngineProperties.PoolEviction eviction = properties.poolEviction();
		return new PoolEviction(registry, metrics, clock, eviction.grace(), eviction.interval());
	}

	@Bean
	Pools pools(PoolMatcher matcher, OpenSkill ratingModel) {
		return new Pools(matcher, ratingModel.initial().mu());
	}

}
