package dev.rivalry.profiles.filter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code range: { field: { gt, gte, lt, lte } }}: the attribute is a number within all
 * the given bounds ({@code gt}/{@code lt} exclusive, {@code gte}/{@code lte} inclusive).
 * A value that is not a number (a numeric string, a boolean) or is NaN is out of range.
 * A list attribute matches when any element is in range.
 *
 * @param field the attribute
 * @param gt exclusive lower bound, or null
 * @param gte inclusive lower bound, or null
 * @param lt exclusive upper bound, or null
 * @param lte inclusive upper bound, or null
 */
public record Range(FieldPath field, Number gt, Number gte, Number lt, Number lte) implements Leaf {

	public Range {
		Objects.requireNonNull(field, "field");
		if (gt == null && gte == null && lt == null && lte == null) {
			throw new IllegalArgumentException("range needs at least one of gt, gte, lt, lte");
		}
		for (Number bound : new Number[] { gt, gte, lt, lte }) {
			if (bound != null && Double.isNaN(bound.doubleValue())) {
				throw new IllegalArgumentException("a range bound must not be NaN");
			}
		}
	}

	@Override
	public boolean accepts(Object value) {
		if (!(value instanceof Number number)) {
			return false;
		}
		return above(number, this.gt, false) && above(number, this.gte, true) && below(number, this.lt, false)
				&& below(number, this.lte, true);
	}

	private static boolean above(Number value, Number bound, boolean inclusive) {
		if (bound == null) {
			return true;
		}
		int comparison = Values.compare(value, bound);
		return comparison != Values.UNORDERED && (comparison > 0 || (inclusive && comparison == 0));
	}

	private static boolean below(Number value, Number bound, boolean inclusive) {
		if (bound == null) {
			return true;
		}
		int comparison = Values.compare(value, bound);
		return comparison != Values.UNORDERED && (comparison < 0 || (inclusive && comparison == 0));
	}

	@Override
	public Map<String, Object> toMap() {
		Map<String, Object> bounds = new LinkedHashMap<>();
		putIfPresent(bounds, "gt", this.gt);
		putIfPresent(bounds, "gte", this.gte);
		putIfPresent(bounds, "lt", this.lt);
		putIfPresent(bounds, "lte", this.lte);
		return Map.of("range", Map.of(this.field.name(), Collections.unmodifiableMap(bounds)));
	}

	private static void putIfPresent(Map<String, Object> bounds, String name, Number bound) {
		if (bound != null) {
			bounds.put(name, bound);
		}
	}

}
