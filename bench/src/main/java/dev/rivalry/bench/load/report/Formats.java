package dev.rivalry.bench.load.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How reports write numbers: one fixed, locale-independent style, so reports made on
 * different machines read and compare the same.
 */
final class Formats {

	private Formats() {
	}

	/** @return e.g. {@code 59,880} */
	static String count(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

	/** @return e.g. {@code 1,234.5}: one decimal, as milliseconds and per-second rates are shown */
	static String oneDecimal(double value) {
		return String.format(Locale.ROOT, "%,.1f", value);
	}

	/** @return e.g. {@code 1,000} or {@code 2.5}: a decimal only if there is one, as rates and durations are given */
	static String number(double value) {
		// DecimalFormat is not thread-safe, and reports are rare: one per call is cheap enough.
		return new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
	}

}
