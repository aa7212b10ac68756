package dev.rivalry.limits;

import java.time.Duration;
import java.util.Map;

import dev.rivalry.web.ProblemException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * {@code 429 rate-limited}: the caller went over a limit. {@code Retry-After} says in
 * whole seconds (rounded up, at least 1) when one more request will be let through, and
 * the {@code limit} property names the limit, so a client can tell which of its habits to
 * change.
 */
public final class RateLimited extends ProblemException {

	/** The problem's slug. */
	public static final String SLUG = "rate-limited";

	private final String limit;

	private final Duration retryAfter;

	/**
	 * @param limit the limit's name
	 * @param retryAfter how long until a request would be let through
	 */
	public RateLimited(String limit, Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, SLUG, "Too many requests (limit '" + limit + "'); retry after "
				+ seconds(retryAfter) + " s.", Map.of("limit", limit));
		this.limit = limit;
		this.retryAfter = retryAfter;
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
	}

	/** @return the name of the limit that refused */
	public String limit() {
		return this.limit;
	}

	/** @return how long until a request would be let through */
	public Duration retryAfter() {
		return this.retryAfter;
	}

	/** Whole seconds, rounded up, at least 1: {@code Retry-After} takes no fractions, and 0 invites a retry storm. */
	static long seconds(Duration wait) {
		long whole = wait.getSeconds() + ((wait.getNano() > 0) ? 1 : 0);
		return Math.max(1, whole);
	}

}
