package dev.rivalry.profiles.filter;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code terms: { field: [v1, v2] }}: the attribute equals any of the values, each
 * compared as {@link Term} does. A list attribute matches when any element equals any
 * value.
 *
 * @param field the attribute
 * @param values one or more Strings, Booleans or Numbers
 */
public record Terms(FieldPath field, List<Object> values) implements Leaf {

	public Terms {
		Objects.requireNonNull(field, "field");
		values = List.copyOf(values);
		if (values.isEmpty()) {
			throw new IllegalArgumentException("terms needs at least one value");
		}
		values.forEach(Term::requireScalar);
	}

	@Override
	public boolean accepts(Object actual) {
		for (int i = 0; i < this.values.size(); i++) {
			if (Values.equal(this.values.get(i), actual)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public Map<String, Object> toMap() {
		return Map.of("terms", Map.of(this.field.name(), this.values));
	}

}
