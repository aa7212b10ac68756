package dev.rivalry.tokens;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep, immutable copies of opaque JSON values (the {@code config} claim).
 *
 * <p>Numbers are normalised to what a JSON parser gives back ({@code Long} for integers,
 * {@code Double} otherwise), so claims read from a verified token equal the claims that
 * were issued. Values that are not JSON (dates, enums, beans) are refused rather than
 * turned into strings behind the caller's back.
 */
final class JsonValues {

	private JsonValues() {
	}

	static Map<String, Object> object(Map<String, ?> value, String name) {
		if (value == null) {
			throw new IllegalArgumentException(name + " must not be null");
		}
		return copyObject(value, name);
	}

	private static Object copy(Object value, String path) {
		if (value == null || value instanceof String || value instanceof Boolean) {
			return value;
		}
		if (value instanceof Number number) {
			return number(number, path);
		}
		if (value instanceof Map<?, ?> map) {
			return copyObject(map, path);
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>(list.size());
			for (int i = 0; i < list.size(); i++) {
				copy.add(copy(list.get(i), path + "[" + i + "]"));
			}
			return Collections.unmodifiableList(copy);
		}
		throw new IllegalArgumentException(path + " holds a " + value.getClass().getSimpleName()
				+ ", which is not a JSON value");
	}

	private static Map<String, Object> copyObject(Map<?, ?> map, String path) {
		Map<String, Object> copy = new LinkedHashMap<>();
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			if (!(entry.getKey() instanceof String key)) {
				throw new IllegalArgumentException(path + " must have string keys");
			}
			copy.put(key, copy(entry.getValue(), path + "." + key));
		}
		return Collections.unmodifiableMap(copy);
	}

	private static Object number(Number number, String path) {
		if (number instanceof Long || number instanceof Integer || number instanceof Short
				|| number instanceof Byte) {
			return number.longValue();
		}
		if (number instanceof BigInteger big) {
			return (big.bitLength() < 64) ? (Object) big.longValue() : finite(big.doubleValue(), path);
		}
		if (number instanceof BigDecimal decimal && decimal.scale() <= 0 && decimal.precision() < 19) {
			return decimal.longValueExact();
		}
		return finite(number.doubleValue(), path);
	}

	private static Double finite(double value, String path) {
		if (!Double.isFinite(value)) {
			throw new IllegalArgumentException(path + " must be a finite number");
		}
		return value;
	}

}
