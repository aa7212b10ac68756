package dev.rivalry.matchmaker.rating;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts players' ratings updated ({@code rivalry.ratings.updates}) and compare-and-set
 * conflicts retried ({@code rivalry.ratings.conflicts}), by profile.
 */
class RatingMetrics {

	private final MeterRegistry registry;

	RatingMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void updated(String profile) {
		Counter.builder("rivalry.ratings.updates")
			.description("Players' ratings updated from results")
			.tag("profile", profile)
			.register(this.registry)
			.increment();
	}

	void conflicted(String profile) {
		Counter.builder("rivalry.ratings.conflicts")
			.description("Rating updates retried because another result of the player was applied first")
			.tag("profile", profile)
			.register(this.registry)
			.increment();
	}

}
