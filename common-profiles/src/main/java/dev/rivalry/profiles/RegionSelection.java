package dev.rivalry.profiles;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Region choice from the latencies a ticket measured to each region: players are only
 * matched in a region to which every one of them has a latency within the current
 * bound, and the bound widens with the time waited.
 *
 * @param latencyExpansions one or more; strictly increasing {@code after}, the first one
 * at zero, non-decreasing {@code maxLatency}
 */
public record RegionSelection(List<LatencyExpansion> latencyExpansions) {

	public RegionSelection {
		latencyExpansions = List.copyOf(latencyExpansions);
		if (latencyExpansions.isEmpty()) {
			throw new IllegalArgumentException("region selection needs at least one latency expansion");
		}
		for (int i = 0; i < latencyExpansions.size(); i++) {
			LatencyExpansion expansion = latencyExpansions.get(i);
			if (i == 0 && !expansion.after().isZero()) {
				throw new IllegalArgumentException("the first latency expansion must apply after 0s");
			}
			if (i > 0) {
				LatencyExpansion previous = latencyExpansions.get(i - 1);
				if (expansion.after().compareTo(previous.after()) <= 0) {
					throw new IllegalArgumentException("latency expansions must have strictly increasing 'after'");
				}
				if (expansion.maxLatency().compareTo(previous.maxLatency()) < 0) {
					throw new IllegalArgumentException("latency expansions must not lower max-latency");
				}
			}
		}
	}

	/**
	 * @param waited time waited
	 * @return the latency bound of the last expansion that applies
	 */
	public Duration maxLatencyAfter(Duration waited) {
		for (int i = this.latencyExpansions.size() - 1; i > 0; i--) {
			LatencyExpansion expansion = this.latencyExpansions.get(i);
			if (expansion.after().compareTo(waited) <= 0) {
				return expansion.maxLatency();
			}
		}
		return this.latencyExpansions.get(0).maxLatency();
	}

	/**
	 * From {@code after} of waiting on, a region is acceptable when the player's latency to
	 * it is at most {@code maxLatency}.
	 *
	 * @param after time waited, zero or more
	 * @param maxLatency latency bound, positive
	 */
	public record LatencyExpansion(Duration after, Duration maxLatency) {

		public LatencyExpansion {
			Objects.requireNonNull(after, "after");
			Objects.requireNonNull(maxLatency, "maxLatency");
			if (after.isNegative()) {
				throw new IllegalArgumentException("after must not be negative");
			}
			if (maxLatency.isNegative() || maxLatency.isZero()) {
				throw new IllegalArgumentException("max-latency must be positive");
			}
		}

	}

}
