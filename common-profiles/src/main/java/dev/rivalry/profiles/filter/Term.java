package dev.rivalry.profiles.filter;

import java.util.Map;
import java.util.Objects;

/**
 * {@code term: { field: value }}: the attribute equals the value exactly (strings are
 * case sensitive; numbers compare by value across types; a string never equals a
 * number or a boolean). A list attribute matches when any element equals.
 *
 * @param field the attribute
 * @param value a String, Boolean or Number, never null
 */
public record Term(FieldPath field, Object value) implements Leaf {

	public Term {
		Objects.requireNonNull(field, "field");
		requireScalar(value);
	}

	@Override
	public boolean accepts(Object actual) {
		return Values.equal(this.value, actual);
	}

	@Override
	public Map<String, Object> toMap() {
		return Map.of("term", Map.of(this.field.name(), this.value));
	}

	static void requireScalar(Object value) {
		if (!(value instanceof String || value instanceof Boolean || value instanceof Number)) {
			throw new IllegalArgumentException("a term value must be a string, a number or a boolean, not " + value);
		}
	}

}
