package dev.rivalry.profiles;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import dev.rivalry.profiles.filter.FieldPath;

/**
 * The attribute whose value splits a profile's tickets into pools (e.g. {@code region}).
 * Tickets are only matched within their pool, and all tickets of one pool go to one
 * Kafka partition (the pool is the record key).
 * <p>
 * A ticket without a usable value (missing, null, blank, a list or a map) goes to the
 * pool {@value Profile#DEFAULT_POOL}, unless the key is {@code required}: then the
 * profile does not match that ticket at all (see {@link Profile#matches}).
 * <p>
 * A pool becomes a Kafka record key and a pool in the engine's memory, so the matchmaker
 * only admits values that {@link #admits} (see {@link #VALUE} and {@code allowed}).
 *
 * @param attribute the attribute, possibly a dotted path
 * @param required whether tickets lacking the attribute are refused by the profile
 * @param allowed the only values tickets may give, each matching {@link #VALUE}, distinct,
 * in file order; empty when any value matching {@link #VALUE} is allowed
 */
public record PoolKey(FieldPath attribute, boolean required, List<String> allowed) {

	/** What a pool (a value of a pool key, in its string form) may look like, as a regular expression. */
	public static final String VALUE_FORMAT = "[A-Za-z0-9._-]{1,64}";

	/** {@link #VALUE_FORMAT}, compiled. */
	public static final Pattern VALUE = Pattern.compile(VALUE_FORMAT);

	public PoolKey {
		Objects.requireNonNull(attribute, "attribute");
		allowed = List.copyOf(allowed);
		for (String value : allowed) {
			if (!VALUE.matcher(value).matches()) {
				throw new IllegalArgumentException("pool-key.allowed value '" + value + "' must match " + VALUE.pattern());
			}
		}
		if (new HashSet<>(allowed).size() != allowed.size()) {
			throw new IllegalArgumentException("pool-key.allowed has a value twice");
		}
	}

	/**
	 * A pool key that allows any well-formed value.
	 * @param attribute the attribute, possibly a dotted path
	 * @param required whether tickets lacking the attribute are refused by the profile
	 */
	public PoolKey(FieldPath attribute, boolean required) {
		this(attribute, required, List.of());
	}

	/**
	 * Whether a ticket may be pooled under this value.
	 * @param pool a pool as {@link #valueOf} gives it
	 * @return whether it matches {@link #VALUE} and, when values are listed, is one of them
	 */
	public boolean admits(String pool) {
		return pool != null && VALUE.matcher(pool).matches() && (this.allowed.isEmpty() || this.allowed.contains(pool));
	}

	/**
	 * The pool of a ticket, as a string: numbers in a canonical form (so {@code 1},
	 * {@code 1L} and {@code 1.0} share a pool), booleans as {@code true}/{@code false}.
	 * @param attributes the ticket's attributes
	 * @return the pool, or null when the ticket has no usable value
	 */
	public String valueOf(Map<String, ?> attributes) {
		Object value = this.attribute.valueIn(attributes);
		if (value instanceof String text) {
			return text.isBlank() ? null : text;
		}
		if (value instanceof Boolean) {
			return value.toString();
		}
		if (value instanceof Number number) {
			return canonical(number);
		}
		return null;
	}

	private static String canonical(Number number) {
		if (number instanceof Double || number instanceof Float) {
			double value = number.doubleValue();
			if (!Double.isFinite(value)) {
				return Double.toString(value);
			}
			number = BigDecimal.valueOf(value);
		}
		if (number instanceof BigDecimal decimal) {
			BigDecimal stripped = decimal.stripTrailingZeros();
			return (stripped.signum() == 0) ? "0" : stripped.toPlainString();
		}
		return number.toString();
	}

}
