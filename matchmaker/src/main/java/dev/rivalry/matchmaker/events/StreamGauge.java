package dev.rivalry.matchmaker.events;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;

/**
 * Counts the event streams open on this instance ({@code rivalry.sse.streams.active}).
 */
class StreamGauge {

	private final AtomicInteger active = new AtomicInteger();

	StreamGauge(MeterRegistry registry) {
		Gauge.builder("rivalry.sse.streams.active", this.active, AtomicInteger::get)
			.description("Server-sent event streams open on this instance")
			.register(registry);
	}

	<T> Flux<T> track(Flux<T> stream) {
		return stream.doOnSubscribe((subscription) -> this.active.incrementAndGet())
			.doFinally((signal) -> this.active.decrementAndGet());
	}

	int active() {
		return this.active.get();
	}

}
