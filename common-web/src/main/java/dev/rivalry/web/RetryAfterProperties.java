package dev.rivalry.web;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpHeaders;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.ErrorResponse;

/**
 * {@code rivalry.web.retry-after.*}: how long a client is told to wait ({@code Retry-After})
 * when a problem says why it may ask again ({@link ProblemException.Retry}). Every service
 * binds it here, once; the problem classes name the reason, the problem writers
 * ({@link ProblemResponses}, {@link ProblemHandling}) set the header.
 *
 * @param unavailable a dependency did not answer: the identity provider's or another
 * service's keys, Kafka's acknowledgement of a ticket, result or backfill
 * @param store Redis is away (a restart or failover takes a few seconds)
 * @param inProgress the same request is still being processed
 */
@Validated
@ConfigurationProperties("rivalry.web.retry-after")
public record RetryAfterProperties(@DefaultValue("5s") @NotNull @DurationMin(seconds = 1) Duration unavailable,
		@DefaultValue("2s") @NotNull @DurationMin(seconds = 1) Duration store,
		@DefaultValue("1s") @NotNull @DurationMin(seconds = 1) Duration inProgress) {

	/** @return the defaults: 5 s, 2 s and 1 s */
	public static RetryAfterProperties defaults() {
		return new RetryAfterProperties(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(1));
	}

	/** @return how long to wait for this reason */
	public Duration of(ProblemException.Retry reason) {
		switch (reason) {
			case STORE:
				return this.store;
			case IN_PROGRESS:
				return this.inProgress;
			default:
				return this.unavailable;
		}
	}

	/**
	 * Sets {@code Retry-After} for a problem that says why it may be retried, unless it set one itself.
	 * @param problem the problem being written
	 * @param headers the response's headers
	 */
	public void apply(ErrorResponse problem, HttpHeaders headers) {
		if (problem instanceof ProblemException rivalry && rivalry.retry() != null
				&& !headers.containsHeader(HttpHeaders.RETRY_AFTER)) {
			headers.set(HttpHeaders.RETRY_AFTER, seconds(of(rivalry.retry())));
		}
	}

	/** @return the delay in whole seconds, rounded up: {@code Retry-After} takes no fractions */
	public static String seconds(Duration duration) {
		long seconds = duration.toSeconds();
		return Long.toString((duration.toNanosPart() > 0) ? seconds + 1 : seconds);
	}

}
