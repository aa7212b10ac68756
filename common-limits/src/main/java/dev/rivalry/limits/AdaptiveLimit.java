package dev.rivalry.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * The load-shedding decision rule: a limit on requests in flight that adapts to the latency
 * this instance measures on them (additive increase, multiplicative decrease, as TCP's
 * congestion window and Netflix's concurrency-limits). A request that took longer than the
 * target says the instance is past what it serves quickly: the limit shrinks by
 * {@code backoff}, at most once per {@code target} (one slow episode is one signal, not one
 * per request caught in it). A request within the target while at least half the limit
 * was in use grows the limit by {@code 1 / limit}: about one more place per round trip, so
 * after an overload it climbs back in a few seconds. Past the limit a request is refused at
 * once: waiting in a queue is exactly the latency shedding is there to avoid.
 * <p>
 * No clock, no I/O: the caller passes the times, so the rule is tested as a table. Thread
 * safe (each call is one short critical section).
 */
public final class AdaptiveLimit {

	private final Settings settings;

	private final long targetNanos;

	private double limit;

	private int inFlight;

	private long lastDecrease;

	private boolean decreased;

	public AdaptiveLimit(Settings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
		this.targetNanos = settings.target().toNanos();
		this.limit = settings.initial();
	}

	/** @return whether one more request may start; when it may, it must later be {@link #completed completed} */
	public synchronized boolean tryAcquire() {
		if (this.inFlight >= (int) this.limit) {
			return false;
		}
		this.inFlight++;
		return true;
	}

	/**
	 * One admitted request ended (answered, failed or abandoned by its client).
	 * @param latencyNanos how long it was in flight
	 * @param nowNanos {@link System#nanoTime()} now
	 */
	public synchronized void completed(long latencyNanos, long nowNanos) {
		this.inFlight--;
		if (latencyNanos > this.targetNanos) {
			if (!this.decreased || nowNanos - this.lastDecrease >= this.targetNanos) {
				this.limit = Math.max(this.settings.min(), this.limit * this.settings.backoff());
				this.lastDecrease = nowNanos;
				this.decreased = true;
			}
		}
		else if (2 * (this.inFlight + 1) >= this.limit) {
			this.limit = Math.min(this.settings.max(), this.limit + 1 / this.limit);
		}
	}

	/** @return the requests that may be in flight now */
	public synchronized int limit() {
		return (int) this.limit;
	}

	/** @return the requests in flight now */
	public synchronized int inFlight() {
		return this.inFlight;
	}

	/**
	 * @param target the latency the admitted requests should keep: above it, the limit shrinks
	 * @param initial the limit at start
	 * @param min the limit never goes below (some requests always get through, so the
	 * latency keeps being measured)
	 * @param max the limit never goes above
	 * @param backoff the factor of a decrease, in (0, 1)
	 */
	public record Settings(Duration target, int initial, int min, int max, double backoff) {

		public Settings {
			Objects.requireNonNull(target, "target");
			if (target.isNegative() || target.isZero()) {
				throw new IllegalArgumentException("The latency target must be positive, was " + target);
			}
			if (min < 1 || max < min || initial < min || initial > max) {
				throw new IllegalArgumentException("Need 1 <= min <= initial <= max, was min " + min + ", initial "
						+ initial + ", max " + max);
			}
			if (!(backoff > 0 && backoff < 1)) {
				throw new IllegalArgumentException("The backoff is a factor in (0, 1), was " + backoff);
			}
		}

	}

}
