package dev.rivalry.matchmaker.result;

import java.time.Clock;

import dev.rivalry.kafka.RecordPublisher;
import dev.rivalry.matchmaker.rating.RatingUpdater;
import dev.rivalry.tickets.TicketKeys;
import dev.rivalry.tickets.TicketStore;
import dev.rivalry.tickets.backfill.BackfillStore;
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
	ReportTokens reportTokens(TokenVerifier verifier) {
		return new ReportTokens(verifier);
	}

	@Bean
	ResultStore resultStore(ReactiveStringRedisTemplate redis, TicketKeys keys, ObjectProvider<JsonMapper> jsonMapper) {
		return new ResultStore(redis, keys, jsonMapper.getIfAvailable(JsonMapper::new));
	}

	@Bean
	ResultService resultService(ReportTokens tokens, TicketStore tickets, ResultStore results,
			ObjectProvider<JsonMapper> jsonMapper, RatingUpdater ratings, RecordPublisher publisher,
			BackfillStore backfills, MeterRegistry registry, Clock clock) {
		JsonMapper json = jsonMapper.getIfAvailable(JsonMapper::new);
		return new ResultService(tokens, tickets, results, ratings, new ResultStream(publisher, json), backfills,
				new ResultMetrics(registry), clock);
	}

}
