package dev.rivalry.profiles.filter;

import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The name of a ticket attribute, possibly a dotted path ({@code a.b}) into nested maps.
 * <p>
 * Resolution against an attribute map: a top-level key spelled exactly like the whole
 * name wins when it holds a value; otherwise each segment is looked up in the nested
 * map of the previous one. A list met on the way is searched element by element, as
 * Elasticsearch flattens arrays of objects: {@code players.rank} over
 * {@code {"players": [{"rank": 1}, {"rank": 2}]}} sees the values 1 and 2.
 * <p>
 * Immutable and thread safe. Looking a path up allocates nothing: the segments are split
 * once, here.
 */
public final class FieldPath {

	private final String name;

	private final String[] segments;

	private FieldPath(String name, String[] segments) {
		this.name = name;
		this.segments = segments;
	}

	/**
	 * Parses a path.
	 * @param name a non-empty name whose dot-separated segments are all non-empty
	 * @return the path
	 * @throws IllegalArgumentException if the name is null, empty or has an empty segment
	 */
	public static FieldPath of(String name) {
		if (name == null || name.isEmpty()) {
			throw new IllegalArgumentException("a field name must not be empty");
		}
		String[] segments = name.split("\\.", -1);
		for (String segment : segments) {
			if (segment.isEmpty()) {
				throw new IllegalArgumentException("field name '" + name + "' has an empty segment");
			}
		}
		return new FieldPath(name, segments);
	}

	/** @return the path as written, e.g. {@code a.b} */
	public String name() {
		return this.name;
	}

	/**
	 * The single value at this path, following maps only.
	 * @param attributes the attributes, not null
	 * @return the value, or null when the path is missing, null or crosses a list
	 */
	public Object valueIn(Map<String, ?> attributes) {
		Object literal = attributes.get(this.name);
		if (literal != null || this.segments.length == 1) {
			return literal;
		}
		Object node = attributes;
		for (String segment : this.segments) {
			if (!(node instanceof Map<?, ?> map)) {
				return null;
			}
			node = map.get(segment);
		}
		return node;
	}

	/**
	 * Whether any value at this path is accepted by the leaf. Null values and missing
	 * paths are never offered to the leaf; lists offer each of their elements.
	 */
	boolean anyAccepted(Map<String, ?> attributes, Leaf leaf) {
		Object literal = attributes.get(this.name);
		if (literal != null) {
			return accepts(literal, leaf);
		}
		return this.segments.length > 1 && descend(attributes, 0, leaf);
	}

	private boolean descend(Object node, int index, Leaf leaf) {
		if (node instanceof Map<?, ?> map) {
			Object child = map.get(this.segments[index]);
			if (index == this.segments.length - 1) {
				return accepts(child, leaf);
			}
			return descend(child, index + 1, leaf);
		}
		if (node instanceof List<?> list) {
			if (list instanceof RandomAccess) {
				for (int i = 0; i < list.size(); i++) {
					if (descend(list.get(i), index, leaf)) {
						return true;
					}
				}
				return false;
			}
			for (Object element : list) {
				if (descend(element, index, leaf)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean accepts(Object value, Leaf leaf) {
		if (value == null) {
			return false;
		}
		if (value instanceof List<?> list) {
			// Elasticsearch semantics: a list matches when any of its elements does.
			if (list instanceof RandomAccess) {
				for (int i = 0; i < list.size(); i++) {
					if (accepts(list.get(i), leaf)) {
						return true;
					}
				}
				return false;
			}
			for (Object element : list) {
				if (accepts(element, leaf)) {
					return true;
				}
			}
			return false;
		}
		return leaf.accepts(value);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof FieldPath path && this.name.equals(path.name);
	}

	@Override
	public int hashCode() {
		return this.name.hashCode();
	}

	@Override
	public String toString() {
		return this.name;
	}

}
