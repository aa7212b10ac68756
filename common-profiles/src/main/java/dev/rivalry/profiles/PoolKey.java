package dev.rivalry.profiles;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

import dev.rivalry.profiles.filter.FieldPath;

/**
 * The attribute whose value splits a profile's tickets into pools (e.g. {@code region}).
 * Tickets are only matched within their pool, and all tickets of one pool go to one
 * Kafka partition (the pool is the record key).
 * <p>
 * A ticket without a usable value (missing, null, blank, a list or a map) goes to the
 * pool {@value Profile#DEFAULT_POOL}, unless the key is {@code required}: then the
 * profile does not match that ticket at all (see {@link Profile#matches}).
 *
 * @param attribute the attribute, possibly a dotted path
 * @param required whether tickets lacking the attribute are refused by the profile
 */
public record PoolKey(FieldPath attribute, boolean required) {

	public PoolKey {
		Objects.requireNonNull(attribute, "attribute");
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
