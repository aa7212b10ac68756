package dev.rivalry.matchmaker.ticket;

import dev.rivalry.web.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Counts tickets accepted ({@code rivalry.tickets.accepted}; not "created", a suffix
 * Prometheus reserves), refused (by problem slug) and cancelled.
 */
class TicketMetrics {

	private static final Logger logger = LoggerFactory.getLogger(TicketMetrics.class);

	private final MeterRegistry registry;

	TicketMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void created(String profile) {
		Counter.builder("rivalry.tickets.accepted").tag("profile", profile).register(this.registry).increment();
	}

	void cancelled(String profile) {
		Counter.builder("rivalry.tickets.cancelled").tag("profile", profile).register(this.registry).increment();
	}

	/** Counts the refusal and hands the problem back, to be thrown or signalled. */
	<P extends ProblemException> P refused(P problem) {
		Counter.builder("rivalry.tickets.refused").tag("reason", problem.slug()).register(this.registry).increment();
		return problem;
	}

	Mono<Void> cancelNotStreamed(String profile, Throwable ex) {
		logger.warn("Cancelled ticket of profile '{}' could not be streamed; the engine drops it at match time: {}",
				profile, ex.toString());
		return Mono.empty();
	}

}
