package dev.rivalry.limits;

import java.util.Comparator;
import java.util.List;

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

	private final LimitFilters filters;

	RequestLimits(int order, Charges charges, RateLimiter limiter, LimitFilters filters) {
		this.order = order;
		this.charges = charges;
		this.limiter = limiter;
		this.filters = filters;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return this.charges.of(exchange)
			.flatMap((charge) -> this.limiter.take(charge.limit(), charge.key()))
			.collectList()
			.flatMap((verdicts) -> this.filters.answer(exchange, longestRefusal(verdicts), chain));
	}

	private static Verdict longestRefusal(List<Verdict> verdicts) {
		return verdicts.stream()
			.filter(Verdict.Refused.class::isInstance)
			.map(Verdict.Refused.class::cast)
			.max(Comparator.comparing((refused) -> refused.problem().retryAfter()))
			.<Verdict>map((refused) -> refused)
			.orElse(Verdict.ALLOWED);
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
