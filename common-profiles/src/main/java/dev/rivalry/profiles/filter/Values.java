package dev.rivalry.profiles.filter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Comparison of attribute values with the values written in a filter. Numbers compare
 * by value whatever their Java type ({@code 1500 == 1500L == 1500.0 == new
 * BigDecimal("1500.00")}); values of different kinds (a string and a number, a boolean
 * and a string) are simply unequal. Nothing here throws or allocates, except the rare
 * comparison that involves a {@link BigDecimal} or {@link BigInteger}.
 */
final class Values {

	/** Returned by {@link #compare} when either side is NaN: no relation holds. */
	static final int UNORDERED = Integer.MIN_VALUE;

	private static final double TWO_POW_63 = 0x1p63;

	private Values() {
	}

	/**
	 * Whether a filter value (a String, Boolean or Number) equals an attribute value.
	 */
	static boolean equal(Object expected, Object actual) {
		if (expected instanceof Number number) {
			return actual instanceof Number other && compare(other, number) == 0;
		}
		return expected.equals(actual);
	}

	/**
	 * Compares two numbers by value.
	 * @return negative, zero or positive as {@code a} is less than, equal to or greater
	 * than {@code b}, or {@link #UNORDERED} when either is NaN
	 */
	static int compare(Number a, Number b) {
		boolean integralA = isIntegral(a);
		boolean integralB = isIntegral(b);
		if (integralA && integralB) {
			return Long.compare(a.longValue(), b.longValue());
		}
		if (isBig(a) || isBig(b)) {
			return compareBig(a, b);
		}
		if (integralA) {
			return compare(a.longValue(), b.doubleValue());
		}
		if (integralB) {
			int reversed = compare(b.longValue(), a.doubleValue());
			return (reversed == UNORDERED) ? UNORDERED : -reversed;
		}
		return compare(a.doubleValue(), b.doubleValue());
	}

	private static int compare(double a, double b) {
		if (Double.isNaN(a) || Double.isNaN(b)) {
			return UNORDERED;
		}
		// Not Double.compare: that one orders -0.0 before 0.0.
		return (a < b) ? -1 : ((a > b) ? 1 : 0);
	}

	/** Exact comparison of a long with a double: casting the long would lose precision. */
	private static int compare(long a, double b) {
		if (Double.isNaN(b)) {
			return UNORDERED;
		}
		if (b >= TWO_POW_63) {
			return -1;
		}
		if (b < -TWO_POW_63) {
			return 1;
		}
		long whole = (long) b;
		if (a != whole) {
			return Long.compare(a, whole);
		}
		double fraction = b - whole;
		return (fraction > 0) ? -1 : ((fraction < 0) ? 1 : 0);
	}

	private static int compareBig(Number a, Number b) {
		BigDecimal left = toBigDecimal(a);
		BigDecimal right = toBigDecimal(b);
		if (left == null && right == null) {
			return compare(a.doubleValue(), b.doubleValue());
		}
		if (left == null || right == null) {
			// One side is NaN or an infinity, the other finite however large.
			double special = (left == null) ? a.doubleValue() : b.doubleValue();
			if (Double.isNaN(special)) {
				return UNORDERED;
			}
			int sign = (special > 0) ? 1 : -1;
			return (left == null) ? sign : -sign;
		}
		return left.compareTo(right);
	}

	private static BigDecimal toBigDecimal(Number number) {
		if (number instanceof BigDecimal decimal) {
			return decimal;
		}
		if (number instanceof BigInteger integer) {
			return new BigDecimal(integer);
		}
		if (isIntegral(number)) {
			return BigDecimal.valueOf(number.longValue());
		}
		double value = number.doubleValue();
		// valueOf, not new BigDecimal(double): 0.1 must equal BigDecimal("0.1"), as written.
		return Double.isFinite(value) ? BigDecimal.valueOf(value) : null;
	}

	private static boolean isIntegral(Number number) {
		return number instanceof Integer || number instanceof Long || number instanceof Short
				|| number instanceof Byte || number instanceof AtomicInteger || number instanceof AtomicLong;
	}

	private static boolean isBig(Number number) {
		return number instanceof BigDecimal || number instanceof BigInteger;
	}

}
