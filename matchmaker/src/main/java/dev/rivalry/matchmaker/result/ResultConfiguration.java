package dev.rivalry.matchmaker.result;

import java.time.Clock;

import dev.rivalry.matchmaker.messaging.RecordPublisher;
import dev.rivalry.matchmaker.rating.RatingUpdater;
import dev.rivalry.tickets.TicketKeys;
import dev.rivalry.tickets.TicketStore;
import dev.rivalry.tokens.TokenVerifier;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class ResultConfiguration {

	@Bean
	ResultService resultService(TokenVerifier verifier, TicketStore tickets, ReactiveStringRedisTemplate redis,
			TicketKeys keys, ObjectProvider<JsonMapper> jsonMapper, RatingUpdater ratings, RecordPublisher publisher, MeterRegistry registry,
			Clock clock) {
		JsonMapper json = jsonMapper.getIfAvailable(JsonMapper::new);
		return new ResultService(verifier, tickets, new ResultStore(redis, keys, json), ratings,
				new ResultStream(publisher, json), new ResultMetrics(registry), clock);
	}

}
