package dev.rivalry.limits;

import java.time.Duration;
import java.util.function.Predicate;

import dev.rivalry.web.ProblemResponses;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Sheds the covered requests this instance cannot serve quickly: each holds a place of an
 * {@link AdaptiveLimit} from before its credential is checked until its answer is written,
 * and the time it took is the latency the limit adapts to. Without a place, the request is
 * answered {@code 503 overloaded} with {@code Retry-After} at once, before any token is
 * verified or any store is asked: a refusal costs a parse and a small write. Metrics:
 * {@code rivalry.limits.shed} (counter), {@code rivalry.limits.adaptive.limit} and
 * {@code rivalry.limits.adaptive.in-flight} (gauges), tagged with the limit's name. Thread safe.
 */
public final class LoadShedding implements WebFilter, Ordered {

	private final int order;

	private final Predicate<ServerHttpRequest> covered;

	private final String name;

	private final AdaptiveLimit limit;

	private final Duration retryAfter;

	private final ProblemResponses problems;

	private final LimitMetrics metrics;

	LoadShedding(int order, Predicate<ServerHttpRequest> covered, String name, AdaptiveLimit limit,
			Duration retryAfter, ProblemResponses problems, LimitMetrics metrics) {
		Limit.checkName(name);
		this.order = order;
		this.covered = covered;
		this.name = name;
		this.limit = limit;
		this.retryAfter = retryAfter;
		this.problems = problems;
		this.metrics = metrics;
	}

	/** Registers the limit's gauges; they hold the filter, which lives as long as the application. */
	void register(MeterRegistry registry) {
		Gauge.builder("rivalry.limits.adaptive.limit", this.limit, AdaptiveLimit::limit)
			.tag("limit", this.name)
			.register(registry);
		Gauge.builder("rivalry.limits.adaptive.in-flight", this.limit, AdaptiveLimit::inFlight)
			.tag("limit", this.name)
			.register(registry);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.covered.test(exchange.getRequest())) {
			return chain.filter(exchange);
		}
		if (!this.limit.tryAcquire()) {
			this.metrics.shed(this.name);
			return this.problems.write(exchange, new Overloaded(this.name, this.retryAfter));
		}
		long start = System.nanoTime();
		return chain.filter(exchange).doFinally((signal) -> {
			long now = System.nanoTime();
			this.limit.completed(now - start, now);
		});
	}

	@Override
	public int getOrder() {
		return this.order;
	}

}
