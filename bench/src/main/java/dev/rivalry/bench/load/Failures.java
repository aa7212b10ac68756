package dev.rivalry.bench.load;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import dev.rivalry.client.ProblemException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;
import reactor.util.retry.Retry;

/**
 * Names a failed call for the report's errors-by-kind table: the HTTP status and the
 * problem's slug ({@code 503:ticket-stream-unavailable}), or what went wrong on the wire
 * ({@code timeout}, {@code connect}, {@code closed}).
 */
final class Failures {

	private Failures() {
	}

	static String kind(ProblemException problem) {
		return problem.status() + ("about:blank".equals(problem.type().toString()) ? "" : ":" + problem.slug());
	}

	static String kind(Throwable failure) {
		if (failure instanceof ProblemException problem) {
			return kind(problem);
		}
		if (failure instanceof TimeoutException || failure.getCause() instanceof TimeoutException
				|| failure.getClass().getSimpleName().contains("Timeout")) {
			return "timeout";
		}
		if (failure instanceof ConnectException || failure.getCause() instanceof ConnectException) {
			return "connect";
		}
		if (failure instanceof PrematureCloseException) {
			return "closed";
		}
		return failure.getClass().getSimpleName();
	}

	/** Retries a call that failed with {@link RetryAfter} after its delay; any other failure ends it. */
	static final Retry AFTER_RETRY_AFTER = Retry.from((failures) -> failures
		.concatMap((failure) -> (failure.failure() instanceof RetryAfter wait) ? Mono.delay(wait.delay)
				: Mono.error(failure.failure())));

	/** @return the problem's {@code Retry-After}, 1 s when it has none */
	static Duration retryAfter(ProblemException problem) {
		return (problem.retryAfter() != null) ? problem.retryAfter() : Duration.ofSeconds(1);
	}

	/** A {@code 503}: ask again after the delay the service asked for. */
	static final class RetryAfter extends RuntimeException {

		private final Duration delay;

		RetryAfter(Duration delay) {
			super(null, null, false, false);
			this.delay = delay;
		}

	}

	/** A failure already counted: it only stops the chain. */
	static final class Counted extends RuntimeException {

		Counted() {
			super(null, null, false, false);
		}

	}

}
