package dev.rivalry.limits;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.boot.convert.DurationStyle;

/**
 * How many requests a limit lets through: a burst of {@code capacity}, refilled evenly at
 * {@code capacity} per {@code period}. Written {@code <capacity>/<period>} in configuration,
 * e.g. {@code 20/1m} (twenty at once, then one every three seconds) or {@code 1000/1s}.
 *
 * @param capacity the most requests let through at once, at least 1
 * @param period the time in which a spent capacity comes back whole, at least a millisecond
 */
public record Rate(long capacity, Duration period) {

	private static final List<ChronoUnit> LARGEST_FIRST = List.of(ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES,
			ChronoUnit.SECONDS);

	public Rate {
		if (capacity < 1) {
			throw new IllegalArgumentException("A rate's capacity is at least 1, was " + capacity);
		}
		if (period == null || period.toMillis() < 1) {
			throw new IllegalArgumentException("A rate's period is at least 1ms, was " + period);
		}
	}

	/**
	 * @param text {@code <capacity>/<period>}, the period as Spring Boot writes durations
	 * ({@code 1m}, {@code 10s}, {@code 500ms}, {@code PT1M})
	 * @return the rate; how configuration binds one
	 * @throws IllegalArgumentException when the text is not a rate
	 */
	public static Rate valueOf(String text) {
		int slash = text.indexOf('/');
		if (slash < 1 || slash == text.length() - 1) {
			throw new IllegalArgumentException("A rate is written <capacity>/<period>, e.g. 20/1m, not '" + text + "'");
		}
		long capacity;
		try {
			capacity = Long.parseLong(text.substring(0, slash).trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("A rate's capacity is a whole number, e.g. 20/1m, not '" + text + "'", ex);
		}
		return new Rate(capacity, DurationStyle.detectAndParse(text.substring(slash + 1).trim()));
	}

	/** @return the time one spent request takes to come back */
	public Duration refillTime() {
		return this.period.dividedBy(this.capacity);
	}

	/** As configured: {@code 20/1m}, {@code 1000/1s}, {@code 5/500ms}, in the largest unit that is exact. */
	@Override
	public String toString() {
		long millis = this.period.toMillis();
		for (ChronoUnit unit : LARGEST_FIRST) {
			long unitMillis = unit.getDuration().toMillis();
			if (millis % unitMillis == 0) {
				return this.capacity + "/" + DurationStyle.SIMPLE.print(this.period, unit);
			}
		}
		return this.capacity + "/" + DurationStyle.SIMPLE.print(this.period, ChronoUnit.MILLIS);
	}

}
