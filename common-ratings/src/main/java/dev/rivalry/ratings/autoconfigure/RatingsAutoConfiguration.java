package dev.rivalry.ratings.autoconfigure;

import java.time.Clock;

import dev.rivalry.ratings.OpenSkill;
import dev.rivalry.ratings.RatingKeys;
import dev.rivalry.ratings.RatingStore;
import dev.rivalry.redis.RivalryRedisProperties;
import dev.rivalry.redis.autoconfigure.RivalryRedisAutoConfiguration;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The rating model and the rating store, for services that have a reactive Redis
 * connection.
 */
@AutoConfiguration(after = { DataRedisReactiveAutoConfiguration.class, RivalryRedisAutoConfiguration.class })
@ConditionalOnBean(ReactiveStringRedisTemplate.class)
@EnableConfigurationProperties(RatingsProperties.class)
public class RatingsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OpenSkill openSkill(RatingsProperties properties) {
		return new OpenSkill(properties.parameters());
	}

	/**
	 * Ratings live under the one key prefix of every Rivalry key, and applied matches are
	 * remembered as long as matches are: both are {@code rivalry.redis.*} settings.
	 */
	@Bean
	@ConditionalOnMissingBean
	RatingKeys ratingKeys(RivalryRedisProperties redis) {
		return new RatingKeys(redis.keyPrefix());
	}

	@Bean
	@ConditionalOnMissingBean
	RatingStore ratingStore(ReactiveStringRedisTemplate redis, RatingKeys keys, OpenSkill openSkill,
			ObjectProvider<JsonMapper> jsonMapper, ObjectProvider<Clock> clock, RivalryRedisProperties redisProperties) {
		return new RatingStore(redis, keys, openSkill.initial(), jsonMapper.getIfAvailable(JsonMapper::new),
				clock.getIfAvailable(Clock::systemUTC), redisProperties.matchRetention());
	}

}
