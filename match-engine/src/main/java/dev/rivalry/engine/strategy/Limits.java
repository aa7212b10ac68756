package dev.rivalry.engine.strategy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.rivalry.profiles.RegionSelection;
import dev.rivalry.profiles.Strategy;

/**
 * A strategy's expansions as arrays of nanoseconds, so that evaluating them for each
 * ticket allocates nothing. Gives the same answers as {@code Profile.ratingSpreadAfter},
 * {@code maxLatencyAfter} and {@code nextExpansionAfter}.
 */
final class Limits {

	private final long[] spreadAfter;

	private final double[] spreads;

	private final long[] latencyAfter;

	private final long[] maxLatencyMillis;

	/** Every expansion's {@code after}, ascending, without duplicates. */
	private final long[] steps;

	private Limits(long[] spreadAfter, double[] spreads, long[] latencyAfter, long[] maxLatencyMillis) {
		this.spreadAfter = spreadAfter;
		this.spreads = spreads;
		this.latencyAfter = latencyAfter;
		this.maxLatencyMillis = maxLatencyMillis;
		long[] all = Arrays.copyOf(spreadAfter, spreadAfter.length + latencyAfter.length);
		System.arraycopy(latencyAfter, 0, all, spreadAfter.length, latencyAfter.length);
		this.steps = Arrays.stream(all).sorted().distinct().toArray();
	}

	static Limits of(Strategy strategy) {
		long[] spreadAfter = new long[0];
		double[] spreads = new double[0];
		if (strategy instanceof Strategy.Rating rating) {
			List<Strategy.Expansion> expansions = rating.expansions();
			spreadAfter = new long[expansions.size()];
			spreads = new double[expansions.size()];
			for (int i = 0; i < expansions.size(); i++) {
				spreadAfter[i] = nanos(expansions.get(i).after());
				spreads[i] = expansions.get(i).spread();
			}
		}
		long[] latencyAfter = new long[0];
		long[] maxLatencyMillis = new long[0];
		RegionSelection region = strategy.region();
		if (region != null) {
			List<RegionSelection.LatencyExpansion> expansions = region.latencyExpansions();
			latencyAfter = new long[expansions.size()];
			maxLatencyMillis = new long[expansions.size()];
			for (int i = 0; i < expansions.size(); i++) {
				latencyAfter[i] = nanos(expansions.get(i).after());
				maxLatencyMillis[i] = millisFloor(expansions.get(i).maxLatency());
			}
		}
		return new Limits(spreadAfter, spreads, latencyAfter, maxLatencyMillis);
	}

	/**
	 * @param waited nanoseconds waited, zero or more
	 * @return the rating spread allowed, positive infinity when there are no expansions
	 */
	double spread(long waited) {
		int step = lastStep(this.spreadAfter, waited);
		return (step >= 0) ? this.spreads[step] : Double.POSITIVE_INFINITY;
	}

	/**
	 * @param waited nanoseconds waited, zero or more
	 * @return the largest acceptable latency in whole milliseconds (a latency measured in
	 * milliseconds is within the bound exactly when it is at most this)
	 */
	long maxLatencyMillis(long waited) {
		int step = lastStep(this.latencyAfter, waited);
		return (step >= 0) ? this.maxLatencyMillis[step] : Long.MAX_VALUE;
	}

	/**
	 * @param waiting tickets
	 * @param now the current instant
	 * @return the earliest instant after {@code now} at which one of the tickets reaches
	 * its next expansion, or empty
	 */
	Optional<Instant> nextChance(List<PoolTicket> waiting, Instant now) {
		long soonest = Long.MAX_VALUE;
		for (PoolTicket ticket : waiting) {
			long waited = nanosBetween(ticket.enqueuedAt(), now);
			long next = nextStep(waited);
			if (next != Long.MIN_VALUE) {
				soonest = Math.min(soonest, next - waited);
			}
		}
		return (soonest != Long.MAX_VALUE) ? Optional.of(now.plusNanos(soonest)) : Optional.empty();
	}

	/** @return the first step strictly later than {@code waited}, or {@code Long.MIN_VALUE} */
	private long nextStep(long waited) {
		for (long step : this.steps) {
			if (step > waited) {
				return step;
			}
		}
		return Long.MIN_VALUE;
	}

	/** The last step that applies; the first one applies from the start, as in the profile. */
	private static int lastStep(long[] after, long waited) {
		for (int i = after.length - 1; i > 0; i--) {
			if (after[i] <= waited) {
				return i;
			}
		}
		return (after.length > 0) ? 0 : -1;
	}

	/**
	 * @return nanoseconds from {@code from} to {@code to}, saturated to the range of a
	 * long (negative when {@code to} is earlier)
	 */
	static long nanosBetween(Instant from, Instant to) {
		long seconds = to.getEpochSecond() - from.getEpochSecond();
		if (seconds > 9_000_000_000L) {
			return Long.MAX_VALUE;
		}
		if (seconds < -9_000_000_000L) {
			return Long.MIN_VALUE;
		}
		return seconds * 1_000_000_000L + (to.getNano() - from.getNano());
	}

	private static long nanos(Duration duration) {
		return (duration.getSeconds() > 9_000_000_000L) ? Long.MAX_VALUE : duration.toNanos();
	}

	private static long millisFloor(Duration duration) {
		return (duration.getSeconds() > 9_000_000_000_000L) ? Long.MAX_VALUE : duration.toMillis();
	}

}
