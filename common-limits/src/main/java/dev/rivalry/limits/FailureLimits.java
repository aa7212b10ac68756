package dev.rivalry.limits;

import java.util.function.Predicate;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Limits failed credentials per client address: every {@code 401} answered to a client
 * address takes one request from its bucket (before the answer leaves), and an address whose bucket is empty gets
 * {@code 429 rate-limited} for every request this filter covers, before anything else
 * runs, so neither a guessed key nor a forged token is even looked at. Requests already
 * past the check when the bucket empties still get their own answers. Thread safe.
 */
public final class FailureLimits implements WebFilter, Ordered {

	private final int order;

	private final Predicate<ServerHttpRequest> covered;

	private final Limit limit;

	private final RateLimiter limiter;

	private final ClientAddresses addresses;

	private final LimitFilters filters;

	FailureLimits(int order, Predicate<ServerHttpRequest> covered, Limit limit, RateLimiter limiter,
			ClientAddresses addresses, LimitFilters filters) {
		this.order = order;
		this.covered = covered;
		this.limit = limit;
		this.limiter = limiter;
		this.addresses = addresses;
		this.filters = filters;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.covered.test(exchange.getRequest())) {
			return chain.filter(exchange);
		}
		String address = this.addresses.of(exchange.getRequest());
		return this.limiter.peek(this.limit, address)
			.flatMap((verdict) -> this.filters.answer(exchange, verdict,
					(allowed) -> chain.filter(countingFailures(allowed, address))));
	}

	/**
	 * Counted before the response is committed, so a client that has its {@code 401} has
	 * already been counted: its next attempt sees the bucket as it really is.
	 */
	private ServerWebExchange countingFailures(ServerWebExchange exchange, String address) {
		exchange.getResponse().beforeCommit(() -> HttpStatus.UNAUTHORIZED.equals(exchange.getResponse().getStatusCode())
				? this.limiter.spend(this.limit, address) : Mono.empty());
		return exchange;
	}

	@Override
	public int getOrder() {
		return this.order;
	}

}
