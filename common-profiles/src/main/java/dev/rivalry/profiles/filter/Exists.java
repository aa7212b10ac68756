package dev.rivalry.profiles.filter;

import java.util.Map;
import java.util.Objects;

/**
 * {@code exists: { field: name }}: the attribute is present and not null. As in
 * Elasticsearch, an empty list, or a list of nulls, does not exist.
 *
 * @param field the attribute
 */
public record Exists(FieldPath field) implements Leaf {

	public Exists {
		Objects.requireNonNull(field, "field");
	}

	@Override
	public boolean accepts(Object value) {
		return true;
	}

	@Override
	public Map<String, Object> toMap() {
		return Map.of("exists", Map.of("field", this.field.name()));
	}

}
