package dev.rivalry.matchmaker.rating;

import dev.rivalry.ratings.OpenSkill;
import dev.rivalry.ratings.RatingStore;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RatingConfiguration {

	@Bean
	RatingUpdater ratingUpdater(RatingStore store, OpenSkill model, MeterRegistry registry) {
		return new RatingUpdater(store, model, new RatingMetrics(registry));
	}

}
