package dev.rivalry.limits;

import java.time.Duration;
import java.util.function.Predicate;

import dev.rivalry.web.ProblemResponses;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * Makes the web filters a service puts its limits in, over the service's one
 * {@link RateLimiter}, {@link ClientAddresses} and problem writer: the service says which
 * requests each limit covers and where the filter runs, nothing else. Thread safe.
 */
public final class LimitFilters {

	private final RateLimiter limiter;

	private final ClientAddresses addresses;

	private final ProblemResponses problems;

	private final LimitMetrics metrics;

	private final MeterRegistry registry;

	public LimitFilters(RateLimiter limiter, ClientAddresses addresses, ProblemResponses problems,
			LimitMetrics metrics, MeterRegistry registry) {
		this.limiter = limiter;
		this.addresses = addresses;
		this.problems = problems;
		this.metrics = metrics;
		this.registry = registry;
	}

	/**
	 * @param order where the filter runs: before whatever checks the credential
	 * @param covered the requests whose credential failures count
	 * @param name the limit's name, e.g. {@code failed-tokens-per-address}
	 * @param rate failures per client address
	 * @return a filter that refuses an address over the limit before anything else runs
	 * @see FailureLimits
	 */
	public FailureLimits failures(int order, Predicate<ServerHttpRequest> covered, String name, Rate rate) {
		return new FailureLimits(order, covered, new Limit(name, rate), this.limiter, this.addresses, this);
	}

	/**
	 * @param order where the filter runs (after authentication, when a charge needs the caller)
	 * @param charges the buckets each request is charged to
	 * @return a filter that takes one request from each
	 * @see RequestLimits
	 */
	public RequestLimits requests(int order, RequestLimits.Charges charges) {
		return new RequestLimits(order, charges, this.limiter, this);
	}

	/**
	 * @param order where the filter runs
	 * @param covered the requests the limit applies to
	 * @param name the limit's name, e.g. {@code registrations-per-address}
	 * @param rate requests per client address
	 * @return a filter that takes one request from the client address's bucket
	 */
	public RequestLimits perAddress(int order, Predicate<ServerHttpRequest> covered, String name, Rate rate) {
		Limit limit = new Limit(name, rate);
		return requests(order, (exchange) -> covered.test(exchange.getRequest())
				? Flux.just(new RequestLimits.Charge(limit, this.addresses.of(exchange.getRequest()))) : Flux.empty());
	}

	/**
	 * @param order where the filter runs: before whatever checks the credential, so a shed
	 * request costs no verification
	 * @param covered the requests the limit applies to
	 * @param name the limit's name, e.g. {@code ticket-creates}
	 * @param settings the adaptive limit's rule
	 * @param retryAfter what a shed request is told to wait
	 * @return a filter that sheds what the instance cannot serve within the settings' target
	 * @see LoadShedding
	 */
	public LoadShedding shedding(int order, Predicate<ServerHttpRequest> covered, String name,
			AdaptiveLimit.Settings settings, Duration retryAfter) {
		LoadShedding shedding = new LoadShedding(order, covered, name, new AdaptiveLimit(settings), retryAfter,
				this.problems, this.metrics);
		shedding.register(this.registry);
		return shedding;
	}

	/** The one way every limit filter answers: the refusal as a problem, or on down the chain. */
	Mono<Void> answer(ServerWebExchange exchange, Verdict verdict, WebFilterChain chain) {
		return (verdict instanceof Verdict.Refused refused) ? this.problems.write(exchange, refused.problem())
				: chain.filter(exchange);
	}

}
