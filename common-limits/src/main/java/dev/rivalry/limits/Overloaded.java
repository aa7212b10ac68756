package dev.rivalry.limits;

import java.time.Duration;
import java.util.Map;

import dev.rivalry.web.ProblemException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * {@code 503 overloaded}: this instance is shedding load, not refusing the caller; the same
 * request may succeed on another instance or after {@code Retry-After} (whole seconds). The
 * {@code limit} property names the shedding limit.
 */
public final class Overloaded extends ProblemException {

	/** The problem's slug. */
	public static final String SLUG = "overloaded";

	public Overloaded(String limit, Duration retryAfter) {
		super(HttpStatus.SERVICE_UNAVAILABLE, SLUG, "The service is at capacity (limit '" + limit + "'); retry after "
				+ RateLimited.seconds(retryAfter) + " s.", Map.of("limit", limit));
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(RateLimited.seconds(retryAfter)));
	}

	/**
	 * No stack trace: a shed request is an answer, not a fault, and at thousands a second
	 * filling in the trace was the largest cost of saying no (3 % of a flooded instance's CPU).
	 */
	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

}
