package dev.rivalry.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link RivalryClient} calls: its timeouts, how often it asks again when a service
 * says when to ({@code Retry-After}), and how it reconnects event streams.
 *
 * @param callTimeout the longest a call may take, answer included; past it the call fails
 * with a {@link java.util.concurrent.TimeoutException}
 * @param retries how many times a refused call is asked again when its problem carries a
 * {@code Retry-After} (a {@code 429}, a {@code 503}, a {@code 409 request-in-progress}); 0
 * never asks again
 * @param longestRetryAfter a {@code Retry-After} longer than this is not waited for: the
 * problem is the answer
 * @param reconnectDelay how long a dropped event stream waits before it connects again
 * (a problem's {@code Retry-After} wins when it has one)
 * @param reconnects how many reconnections in a row, with no event in between, before a
 * stream gives up with the last failure
 * @param streamIdleTimeout an event stream silent this long (the services send a
 * keep-alive comment every 15 s) is taken as dropped and reconnected
 */
public record ClientSettings(Duration callTimeout, int retries, Duration longestRetryAfter, Duration reconnectDelay,
		int reconnects, Duration streamIdleTimeout) {

	public ClientSettings {
		Objects.requireNonNull(callTimeout, "callTimeout");
		Objects.requireNonNull(longestRetryAfter, "longestRetryAfter");
		Objects.requireNonNull(reconnectDelay, "reconnectDelay");
		Objects.requireNonNull(streamIdleTimeout, "streamIdleTimeout");
		if (retries < 0 || reconnects < 0) {
			throw new IllegalArgumentException("retries and reconnects must not be negative");
		}
	}

	/** @return 10 s calls, 3 retries of at most 30 s each, reconnects every 500 ms up to 120 in a row, 45 s idle streams */
	public static ClientSettings defaults() {
		return new ClientSettings(Duration.ofSeconds(10), 3, Duration.ofSeconds(30), Duration.ofMillis(500), 120,
				Duration.ofSeconds(45));
	}

	/** @return these settings with another call timeout */
	public ClientSettings withCallTimeout(Duration timeout) {
		return new ClientSettings(timeout, this.retries, this.longestRetryAfter, this.reconnectDelay, this.reconnects,
				this.streamIdleTimeout);
	}

	/** @return these settings with another number of retries */
	public ClientSettings withRetries(int retries) {
		return new ClientSettings(this.callTimeout, retries, this.longestRetryAfter, this.reconnectDelay,
				this.reconnects, this.streamIdleTimeout);
	}

	/** @return these settings with another reconnection delay and count */
	public ClientSettings withReconnects(Duration delay, int reconnects) {
		return new ClientSettings(this.callTimeout, this.retries, this.longestRetryAfter, delay, reconnects,
				this.streamIdleTimeout);
	}

}
