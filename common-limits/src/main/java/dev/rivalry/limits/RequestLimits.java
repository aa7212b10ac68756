package dev.rivalry.limits;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.rivalry.web.ProblemResponses;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Takes one request from each bucket a request is charged to (its player, its client
 * address, …) before it goes on, and answers {@code 429 rate-limited} when any is empty.
 * The buckets are asked at once; when several refuse, the answer names the one with the
 * longest wait. Which buckets a request is charged to is the service's business
 * ({@link Charges}). Thread safe.
 */
public final class RequestLimits implements WebFilter, Ordered {

	private final int order;

	private final Charges charges;

	private final RateLimiter limiter;

	private final ProblemResponses problems;

	/**
	 * @param order where the filter runs among the others (e.g. after authentication, when a
	 * charge needs the caller)
	 * @param charges the buckets of a request; none for a request no limit applies to
	 * @param limiter the buckets
	 * @param problems writes the refusal
	 */
	public RequestLimits(int order, Charges charges, RateLimiter limiter, ProblemResponses problems) {
		this.order = order;
		this.charges = charges;
		this.limiter = limiter;
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return this.charges.of(exchange)
			.flatMap((charge) -> this.limiter.take(charge.limit(), charge.key()))
			.collectList()
			.map(RequestLimits::longestRefusal)
			.flatMap((refusal) -> refusal.isPresent() ? this.problems.write(exchange, refusal.get().problem())
					: chain.filter(exchange));
	}

	private static Optional<Verdict.Refused> longestRefusal(List<Verdict> verdicts) {
		return verdicts.stream()
			.filter(Verdict.Refused.class::isInstance)
			.map(Verdict.Refused.class::cast)
			.max(Comparator.comparing((refused) -> refused.problem().retryAfter()));
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	/** The buckets a request is charged to. */
	@FunctionalInterface
	public interface Charges {

		/**
		 * @param exchange the request
		 * @return its charges; empty when no limit applies
		 */
		Flux<Charge> of(ServerWebExchange exchange);

	}

	/**
	 * One request taken from one bucket.
	 *
	 * @param limit the limit
	 * @param key whom it counts
	 */
	public record Charge(Limit limit, String key) {
	}

}
