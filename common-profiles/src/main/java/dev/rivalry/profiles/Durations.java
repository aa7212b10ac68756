package dev.rivalry.profiles;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Spring Boot writes them ({@code 100ms}, {@code 10s}, {@code 5m},
 * {@code 1h}, {@code 2d}; units {@code ns us ms s m h d}) or in ISO-8601
 * ({@code PT10S}).
 */
final class Durations {

	private static final Pattern SIMPLE = Pattern.compile("^([0-9]+)(ns|us|ms|s|m|h|d)$", Pattern.CASE_INSENSITIVE);

	static final String EXAMPLES = "100ms, 10s, 5m, 1h or PT10S";

	private Durations() {
	}

	/**
	 * @param text a duration
	 * @return it, possibly negative when written so in ISO-8601
	 * @throws IllegalArgumentException when the text is not a duration
	 */
	static Duration parse(String text) {
		String trimmed = text.trim();
		try {
			Matcher simple = SIMPLE.matcher(trimmed);
			if (simple.matches()) {
				long amount = Long.parseLong(simple.group(1));
				return Duration.of(amount, unit(simple.group(2).toLowerCase(Locale.ROOT)));
			}
			return Duration.parse(trimmed);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("'" + text + "' is not a duration", ex);
		}
	}

	private static ChronoUnit unit(String suffix) {
		return switch (suffix) {
			case "ns" -> ChronoUnit.NANOS;
			case "us" -> ChronoUnit.MICROS;
			case "ms" -> ChronoUnit.MILLIS;
			case "s" -> ChronoUnit.SECONDS;
			case "m" -> ChronoUnit.MINUTES;
			case "h" -> ChronoUnit.HOURS;
			default -> ChronoUnit.DAYS;
		};
	}

	/** @return the duration the way Spring Boot writes it, in its largest exact unit */
	static String format(Duration duration) {
		if (duration.isZero()) {
			return "0s";
		}
		long nanos = duration.toNanosPart();
		if (nanos != 0) {
			return (nanos % 1_000_000 == 0) ? duration.toMillis() + "ms" : duration.toString();
		}
		long seconds = duration.getSeconds();
		if (seconds % 86_400 == 0) {
			return seconds / 86_400 + "d";
		}
		if (seconds % 3600 == 0) {
			return seconds / 3600 + "h";
		}
		return (seconds % 60 == 0) ? seconds / 60 + "m" : seconds + "s";
	}

}
