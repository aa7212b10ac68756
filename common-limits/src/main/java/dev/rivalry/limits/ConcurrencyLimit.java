package dev.rivalry.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * A cap on how many holders a key may have at once, across every instance (e.g. event
 * streams open on one ticket). Each holder keeps a lease that it renews while it holds; a
 * holder whose instance died stops renewing, and its place comes free when its lease runs
 * out.
 *
 * @param name the limit's name, reported as a {@link Limit}'s is
 * @param max holders at once, at least 1
 * @param lease how long a place stays taken without renewal; renewed every third of it
 */
public record ConcurrencyLimit(String name, int max, Duration lease) {

	public ConcurrencyLimit {
		Limit.checkName(name);
		if (max < 1) {
			throw new IllegalArgumentException("A concurrency limit lets at least 1 holder in, was " + max);
		}
		Objects.requireNonNull(lease, "lease");
		if (lease.toMillis() < 30) {
			throw new IllegalArgumentException("A lease lasts at least 30ms, was " + lease);
		}
	}

}
