package dev.rivalry.matchmaker.dashboard;

import java.time.Clock;
import java.time.Duration;

import org.HdrHistogram.Histogram;

/**
 * Matches per second and time to match over sliding windows of whole seconds: a ring of
 * one bucket per second, each with its share of matches and a histogram of waits, reused
 * as the seconds go round. Memory is bounded whatever the traffic.
 * <p>
 * A match is counted once although each of its tickets reports it: a ticket adds its
 * players' share of the match's participants, and the shares of one match add up to one.
 * Thread safe (one lock: one writer, the feed, and one reader a second, the snapshot).
 */
final class MatchStatistics {

	/** Seconds over which matches per second are averaged. */
	static final int RATE_SECONDS = 10;

	/** Seconds over which time-to-match percentiles are taken. */
	static final int WAIT_SECONDS = 60;

	/** Two significant digits: one percent is precise enough for a dashboard. */
	private static final int DIGITS = 2;

	private final Clock clock;

	private final Bucket[] ring = new Bucket[WAIT_SECONDS];

	private double total;

	MatchStatistics(Clock clock) {
		this.clock = clock;
		for (int i = 0; i < this.ring.length; i++) {
			this.ring[i] = new Bucket();
		}
	}

	/**
	 * Records one matched ticket.
	 * @param share the ticket's players divided by the match's participants
	 * @param wait from the ticket's creation to the match; negative (clocks of two hosts) counts as zero
	 */
	synchronized void record(double share, Duration wait) {
		Bucket bucket = bucketOf(currentSecond());
		bucket.matches += share;
		bucket.waits.recordValue(Math.max(0, wait.toMillis()));
		this.total += share;
	}

	synchronized MatchFigures figures() {
		long now = currentSecond();
		double recent = 0;
		Histogram waits = new Histogram(DIGITS);
		for (long second = now - WAIT_SECONDS + 1; second <= now; second++) {
			Bucket bucket = this.ring[index(second)];
			if (bucket.second != second) {
				continue;
			}
			if (second >= now - RATE_SECONDS && second < now) {
				recent += bucket.matches;
			}
			waits.add(bucket.waits);
		}
		// Three decimals: the sum of shares is exact only to rounding.
		double perSecond = Math.round(recent * 1000.0 / RATE_SECONDS) / 1000.0;
		return new MatchFigures(perSecond, Math.round(this.total), timeToMatch(waits));
	}

	private static MatchFigures.TimeToMatch timeToMatch(Histogram waits) {
		if (waits.getTotalCount() == 0) {
			return new MatchFigures.TimeToMatch(0, 0, 0, 0, 0);
		}
		return new MatchFigures.TimeToMatch(waits.getTotalCount(), waits.getValueAtPercentile(50),
				waits.getValueAtPercentile(90), waits.getValueAtPercentile(99), waits.getMaxValue());
	}

	/** The second's bucket, emptied first if it still holds a second one lap ago. */
	private Bucket bucketOf(long second) {
		Bucket bucket = this.ring[index(second)];
		if (bucket.second != second) {
			bucket.second = second;
			bucket.matches = 0;
			bucket.waits.reset();
		}
		return bucket;
	}

	private long currentSecond() {
		return Math.floorDiv(this.clock.millis(), 1000);
	}

	private static int index(long second) {
		return (int) Math.floorMod(second, (long) WAIT_SECONDS);
	}

	private static final class Bucket {

		private long second = Long.MIN_VALUE;

		private double matches;

		private final Histogram waits = new Histogram(DIGITS);

	}

}
