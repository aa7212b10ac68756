package dev.rivalry.matchmaker.backfill;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code rivalry.backfills.opened} by profile. Fills are counted by the engines that write
 * them ({@code rivalry.engine.backfill.fills}), open backfills per pool by
 * {@code GET /v1/pools}.
 */
class BackfillMetrics {

	private final MeterRegistry registry;

	BackfillMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void opened(String profile) {
		Counter.builder("rivalry.backfills.opened")
			.description("Backfills opened by game servers")
			.tag("profile", profile)
			.register(this.registry)
			.increment();
	}

}
