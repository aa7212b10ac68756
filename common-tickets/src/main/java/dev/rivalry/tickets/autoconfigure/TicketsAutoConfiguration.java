package dev.rivalry.tickets.autoconfigure;

import java.time.Clock;

import dev.rivalry.redis.RivalryRedisProperties;
import dev.rivalry.redis.autoconfigure.RivalryRedisAutoConfiguration;
import dev.rivalry.tickets.TicketCodec;
import dev.rivalry.tickets.TicketKeys;
import dev.rivalry.tickets.TicketStore;
import dev.rivalry.tickets.backfill.BackfillStore;
import dev.rivalry.tickets.proposal.ProposalStore;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The ticket store for services that have a reactive Redis connection.
 */
@AutoConfiguration(after = { DataRedisReactiveAutoConfiguration.class, RivalryRedisAutoConfiguration.class })
@ConditionalOnBean(ReactiveStringRedisTemplate.class)
public class TicketsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TicketKeys ticketKeys(RivalryRedisProperties properties) {
		return new TicketKeys(properties.keyPrefix());
	}

	@Bean
	@ConditionalOnMissingBean
	TicketCodec ticketCodec(ObjectProvider<JsonMapper> jsonMapper) {
		return new TicketCodec(jsonMapper.getIfAvailable(JsonMapper::new));
	}

	@Bean
	@ConditionalOnMissingBean
	TicketStore ticketStore(ReactiveStringRedisTemplate redis, TicketKeys keys, TicketCodec codec,
			RivalryRedisProperties properties, ObjectProvider<Clock> clock) {
		return new TicketStore(redis, keys, codec, clock.getIfAvailable(Clock::systemUTC),
				properties.ticketRetention(), properties.matchRetention());
	}

	@Bean
	@ConditionalOnMissingBean
	ProposalStore proposalStore(ReactiveStringRedisTemplate redis, TicketKeys keys, TicketCodec codec,
			RivalryRedisProperties properties, ObjectProvider<Clock> clock) {
		return new ProposalStore(redis, keys, codec, clock.getIfAvailable(Clock::systemUTC),
				properties.ticketRetention(), properties.matchRetention());
	}

	@Bean
	@ConditionalOnMissingBean
	BackfillStore backfillStore(ReactiveStringRedisTemplate redis, TicketKeys keys, TicketCodec codec,
			RivalryRedisProperties properties, ObjectProvider<Clock> clock) {
		return new BackfillStore(redis, keys, codec, clock.getIfAvailable(Clock::systemUTC),
				properties.ticketRetention());
	}

}
