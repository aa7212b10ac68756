package dev.rivalry.matchmaker.result;

import dev.rivalry.web.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts results accepted ({@code rivalry.results.accepted}, by profile) and reports
 * refused ({@code rivalry.results.refused}, by problem slug, and for a refused token by why:
 * {@code token} is a verifier reason such as {@code expired}, or {@code missing},
 * {@code wrong_match}, {@code wrong_participants}; {@code none} for other problems).
 */
class ResultMetrics {

	private final MeterRegistry registry;

	ResultMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void accepted(String profile) {
		Counter.builder("rivalry.results.accepted").tag("profile", profile).register(this.registry).increment();
	}

	void refused(ProblemException problem) {
		String token = (problem instanceof ResultProblems.InvalidReportToken invalid) ? invalid.reason() : "none";
		Counter.builder("rivalry.results.refused")
			.tag("reason", problem.slug())
			.tag("token", token)
			.register(this.registry)
			.increment();
	}

}
