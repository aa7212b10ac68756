package dev.rivalry.profiles;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep, unmodifiable copies of JSON-like data (maps, lists, scalars, nulls). Not
 * {@code Map.copyOf}: that refuses null values, which JSON allows.
 */
final class PlainData {

	private PlainData() {
	}

	static Map<String, Object> unmodifiable(Map<String, ?> map) {
		Map<String, Object> copy = new LinkedHashMap<>();
		map.forEach((key, value) -> copy.put(key, copyOf(value)));
		return Collections.unmodifiableMap(copy);
	}

	@SuppressWarnings("unchecked")
	private static Object copyOf(Object value) {
		if (value instanceof Map<?, ?> map) {
			return unmodifiable((Map<String, ?>) map);
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>(list.size());
			list.forEach((element) -> copy.add(copyOf(element)));
			return Collections.unmodifiableList(copy);
		}
		return value;
	}

}
