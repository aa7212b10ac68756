package dev.rivalry.serverlist.allocation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code rivalry.allocations} (counter) and {@code rivalry.allocations.latency} (timer), both
 * tagged {@code outcome}: {@code allocated} (this call picked the server), {@code existing}
 * (an earlier call had), {@code no-capacity}, {@code match-ended}, {@code unsupported-config};
 * and {@code rivalry.allocations.expired}. Rejected tokens are counted by common-tokens
 * ({@code rivalry.tokens.rejected}).
 */
class AllocationMetrics {

	private final MeterRegistry registry;

	private final Counter expired;

	AllocationMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.expired = Counter.builder("rivalry.allocations.expired")
			.description("Allocations whose server did not confirm the start before the deadline")
			.register(registry);
	}

	Timer.Sample start() {
		return Timer.start(this.registry);
	}

	void record(Timer.Sample sample, String outcome) {
		Counter.builder("rivalry.allocations")
			.description("Allocation requests with a verified match token, by outcome")
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
		sample.stop(Timer.builder("rivalry.allocations.latency")
			.description("Time to answer an allocation request, token check included")
			.tag("outcome", outcome)
			.register(this.registry));
	}

	void expired() {
		this.expired.increment();
	}

}
