package dev.rivalry.profiles;

import java.time.Duration;
import java.util.Objects;

/**
 * A profile's ready check: its matches are first proposed, and formed only when every
 * player accepts within the timeout (docs/acceptance.md).
 *
 * @param timeout how long players have to accept, from {@value #MIN_SECONDS} s to
 * {@value #MAX_SECONDS} s
 */
public record Acceptance(Duration timeout) {

	static final long MIN_SECONDS = 1;

	/** A proposal holds its players out of the pool: longer would let one walk-away cost many minutes. */
	static final long MAX_SECONDS = 600;

	public Acceptance {
		Objects.requireNonNull(timeout, "timeout");
		if (timeout.compareTo(Duration.ofSeconds(MIN_SECONDS)) < 0
				|| timeout.compareTo(Duration.ofSeconds(MAX_SECONDS)) > 0) {
			throw new IllegalArgumentException(
					"acceptance.timeout must be between " + MIN_SECONDS + "s and " + MAX_SECONDS + "s");
		}
	}

}
