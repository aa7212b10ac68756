package dev.rivalry.limits;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code rivalry.limits.refused} (Prometheus {@code rivalry_limits_refused_total}): requests
 * refused with a {@code 429}, tagged with the limit's name; and
 * {@code rivalry.limits.unchecked}: requests let through unchecked because the limits' store
 * did not answer; {@code rivalry.limits.shed}: requests refused {@code 503 overloaded} by
 * {@link LoadShedding}. Thread safe.
 */
public final class LimitMetrics {

	private final MeterRegistry registry;

	public LimitMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void refused(String limit) {
		this.registry.counter("rivalry.limits.refused", "limit", limit).increment();
	}

	void shed(String limit) {
		this.registry.counter("rivalry.limits.shed", "limit", limit).increment();
	}

	void unchecked(String limit) {
		this.registry.counter("rivalry.limits.unchecked", "limit", limit).increment();
	}

}
