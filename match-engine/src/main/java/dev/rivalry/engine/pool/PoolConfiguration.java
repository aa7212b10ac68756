package dev.rivalry.engine.pool;

import java.time.Clock;

import dev.rivalry.engine.system.EngineProperties;
import dev.rivalry.profiles.MatchProfiles;
import dev.rivalry.ratings.OpenSkill;
import dev.rivalry.tickets.TicketCodec;
import dev.rivalry.tickets.TicketStore;
import dev.rivalry.tickets.backfill.BackfillStore;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

	@Bean
	MatchPublisher matchPublisher(StreamBridge bridge, TicketCodec codec, MeterRegistry registry) {
		return new MatchPublisher(bridge, codec, registry);
	}

	@Bean
	PoolMatcher poolMatcher(TicketStore store, BackfillStore backfills, MatchPublisher publisher, EngineMetrics metrics,
			Clock clock) {
		return new PoolMatcher(store, backfills, publisher, metrics, clock);
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
