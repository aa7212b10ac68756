package dev.rivalry.matchmaker.ticket;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Players' answers to proposed matches: acceptances (and how long after the proposal they
 * came, a histogram so percentiles aggregate across instances) and declines. The engines count proposals proposed, accepted and dropped
 * ({@code rivalry.engine.proposals}); acceptance rate = accepted / proposed there.
 */
class AcceptanceMetrics {

	private final MeterRegistry registry;

	AcceptanceMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void accepted(String profile, Duration afterProposal) {
		answers(profile, "accept");
		Timer.builder("rivalry.acceptance.time.to.accept")
			.description("From a match's proposal to a player's acceptance")
			.tag("profile", profile)
			.publishPercentileHistogram()
			.register(this.registry)
			.record(afterProposal);
	}

	void declined(String profile) {
		answers(profile, "decline");
	}

	private void answers(String profile, String answer) {
		Counter.builder("rivalry.acceptance.answers")
			.description("Players' answers to proposed matches")
			.tag("profile", profile)
			.tag("answer", answer)
			.register(this.registry)
			.increment();
	}

}
