package dev.rivalry.profiles.filter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ValuesTests {

	static Stream<Arguments> comparisons() {
		return Stream.of(
				arguments(1500, 1500L, 0),
				arguments(1500, 1500.0, 0),
				arguments(1500.0, 1500, 0),
				arguments(1500, new BigDecimal("1500.000"), 0),
				arguments(new BigInteger("1500"), 1500.0, 0),
				arguments((short) 7, (byte) 7, 0),
				arguments(new AtomicLong(7), 7, 0),
				arguments(1500.0f, 1500, 0),
				arguments(0.0, -0.0, 0),
				arguments(0.1, new BigDecimal("0.1"), 0),
				arguments(1499, 1499.5, -1),
				arguments(1500, 1499.5, 1),
				arguments(-2, -2.5, 1),
				arguments(-3, -2.5, -1),
				arguments(9007199254740993L, 9007199254740992.0, 1),
				arguments(9007199254740992.0, 9007199254740993L, -1),
				arguments(Long.MAX_VALUE, 0x1p63, -1),
				arguments(Long.MIN_VALUE, -0x1p64, 1),
				arguments(Long.MAX_VALUE, Double.POSITIVE_INFINITY, -1),
				arguments(new BigDecimal("1e400"), Double.POSITIVE_INFINITY, -1),
				arguments(new BigInteger("100000000000000000000"), Long.MAX_VALUE, 1),
				arguments(Double.NaN, 1, Values.UNORDERED),
				arguments(1, Double.NaN, Values.UNORDERED),
				arguments(new BigDecimal("1"), Double.NaN, Values.UNORDERED),
				arguments(Double.NaN, Double.NaN, Values.UNORDERED));
	}

	@ParameterizedTest(name = "{0} vs {1}")
	@MethodSource("comparisons")
	void numbersCompareByValueWhateverTheirType(Number a, Number b, int expected) {
		int comparison = Values.compare(a, b);
		assertThat((expected == Values.UNORDERED) ? comparison : Integer.signum(comparison)).isEqualTo(expected);
	}

	static Stream<Arguments> equalities() {
		return Stream.of(
				arguments("duel", "duel", true),
				arguments("duel", "Duel", false),
				arguments("1500", 1500, false),
				arguments(1500, "1500", false),
				arguments(true, true, true),
				arguments(true, "true", false),
				arguments(true, 1, false),
				arguments(1, true, false),
				arguments(1, 1.0, true),
				arguments(1, Double.NaN, false),
				arguments("a", null, false),
				arguments(1, null, false));
	}

	@ParameterizedTest(name = "{0} = {1}: {2}")
	@MethodSource("equalities")
	void valuesOfDifferentKindsAreNeverEqual(Object expected, Object actual, boolean equal) {
		assertThat(Values.equal(expected, actual)).isEqualTo(equal);
	}

}
