package dev.rivalry.profiles;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed reads of YAML nodes. Each read either returns a value or reports a problem,
 * naming the field, and returns null: callers carry on to find more problems.
 */
final class Nodes {

	/** Deeper than this, data is more likely a recursive alias than a real config. */
	private static final int MAX_DEPTH = 32;

	private Nodes() {
	}

	static boolean isNull(Node node) {
		return node == null || (node instanceof ScalarNode && Tag.NULL.equals(node.getTag()));
	}

	static MappingNode mapping(Node node, String field, Context context) {
		if (node instanceof MappingNode mapping) {
			return mapping;
		}
		context.error(node, field, "must be a mapping, not " + describe(node));
		return null;
	}

	/**
	 * @param single whether a lone item may stand for a list of one, as Elasticsearch
	 * allows in {@code bool} clauses
	 */
	static List<Node> sequence(Node node, String field, Context context, boolean single) {
		if (node instanceof SequenceNode sequence) {
			return sequence.getValue();
		}
		if (single && node instanceof MappingNode) {
			return List.of(node);
		}
		context.error(node, field, "must be a list, not " + describe(node));
		return null;
	}

	/** A non-empty string; a plain number such as {@code 2048} is taken as its text. */
	static String string(Node node, String field, Context context) {
		if (node instanceof ScalarNode scalar && !isNull(scalar) && !Tag.BOOL.equals(scalar.getTag())
				&& !scalar.getValue().isBlank()) {
			return scalar.getValue();
		}
		context.error(node, field, "must be a non-empty string, not " + describe(node));
		return null;
	}

	static Integer integer(Node node, String field, Context context) {
		return scalarOf(Integer.class, "an integer", node, field, context);
	}

	/** Any number but NaN: callers that cannot take an infinity check for it. */
	static Number number(Node node, String field, Context context) {
		Number number = scalarOf(Number.class, "a number", node, field, context);
		if (number != null && Double.isNaN(number.doubleValue())) {
			context.error(node, field, "must be a number, not NaN");
			return null;
		}
		return number;
	}

	static Boolean bool(Node node, String field, Context context) {
		return scalarOf(Boolean.class, "true or false", node, field, context);
	}

	/**
	 * A scalar of one type; a scalar of another is an error naming what was expected (a
	 * malformed one was already reported by {@link #scalar}).
	 */
	private static <T> T scalarOf(Class<T> type, String expected, Node node, String field, Context context) {
		Object value = scalar(node, field, context);
		if (type.isInstance(value)) {
			return type.cast(value);
		}
		if (value != null) {
			context.error(node, field, "must be " + expected + ", not " + describe(node));
		}
		return null;
	}

	/**
	 * A duration, never negative.
	 * @param bareMillis whether a plain number means milliseconds; otherwise only
	 * {@code 0} may go without a unit
	 */
	static Duration duration(Node node, String field, Context context, boolean bareMillis) {
		Object value = scalar(node, field, context);
		if (value == null) {
			return null;
		}
		Duration duration;
		if (value instanceof Integer || value instanceof Long) {
			long amount = ((Number) value).longValue();
			if (amount != 0 && !bareMillis) {
				context.error(node, field, "must have a unit, e.g. " + amount + "ms or " + amount + "s ("
						+ Durations.EXAMPLES + ")");
				return null;
			}
			duration = Duration.ofMillis(amount);
		}
		else if (value instanceof String text) {
			try {
				duration = Durations.parse(text);
			}
			catch (IllegalArgumentException ex) {
				context.error(node, field, "must be a duration such as " + Durations.EXAMPLES + ", not '" + text + "'");
				return null;
			}
		}
		else {
			context.error(node, field, "must be a duration such as " + Durations.EXAMPLES + ", not " + describe(node));
			return null;
		}
		if (duration.isNegative()) {
			context.error(node, field, "must not be negative");
			return null;
		}
		return duration;
	}

	/** A non-null scalar value: String, Boolean, Integer, Long, BigInteger or Double. */
	static Object scalarValue(Node node, String field, Context context) {
		if (isNull(node) || !(node instanceof ScalarNode)) {
			context.error(node, field, "must be a string, a number or a boolean, not " + describe(node));
			return null;
		}
		return scalar(node, field, context);
	}

	/**
	 * A scalar's value by its resolved tag (see {@link Yaml12Resolver}).
	 * @return the value; null for a YAML null, or after reporting a problem
	 */
	static Object scalar(Node node, String field, Context context) {
		if (!(node instanceof ScalarNode scalar)) {
			context.error(node, field, "must be a single value, not " + describe(node));
			return null;
		}
		String text = scalar.getValue();
		Tag tag = scalar.getTag();
		try {
			if (Tag.STR.equals(tag)) {
				return text;
			}
			if (Tag.NULL.equals(tag)) {
				context.error(node, field, "must not be null");
				return null;
			}
			if (Tag.BOOL.equals(tag)) {
				return Boolean.parseBoolean(text.trim());
			}
			if (Tag.INT.equals(tag)) {
				return integerValue(text.trim());
			}
			if (Tag.FLOAT.equals(tag)) {
				return floatValue(text.trim());
			}
		}
		catch (NumberFormatException ex) {
			context.error(node, field, "is not a valid " + tag.getValue().replace("tag:yaml.org,2002:", "") + ": " + text);
			return null;
		}
		context.error(node, field, "has an unsupported tag " + tag.getValue());
		return null;
	}

	private static Number integerValue(String text) {
		BigInteger value;
		if (text.startsWith("0x")) {
			value = new BigInteger(text.substring(2), 16);
		}
		else if (text.startsWith("0o")) {
			value = new BigInteger(text.substring(2), 8);
		}
		else {
			value = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
		}
		if (value.bitLength() < 32) {
			return value.intValue();
		}
		return (value.bitLength() < 64) ? value.longValue() : value;
	}

	private static Double floatValue(String text) {
		String lower = text.toLowerCase(java.util.Locale.ROOT);
		if (lower.endsWith(".inf")) {
			return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
		}
		if (lower.equals(".nan")) {
			return Double.NaN;
		}
		return Double.valueOf(text);
	}

	/**
	 * Any YAML data as plain Java: LinkedHashMap (string keys), ArrayList, String,
	 * Boolean, Integer, Long, BigInteger, Double, null; all unmodifiable.
	 */
	static Object plain(Node node, String field, Context context) {
		return plain(node, field, context, 0);
	}

	private static Object plain(Node node, String field, Context context, int depth) {
		if (depth > MAX_DEPTH) {
			context.error(node, field, "is nested more than " + MAX_DEPTH + " levels deep (a recursive alias?)");
			return null;
		}
		if (node instanceof MappingNode mapping) {
			Map<String, Object> map = new LinkedHashMap<>();
			for (NodeTuple tuple : mapping.getValue()) {
				String key = key(tuple.getKeyNode(), field, context);
				if (key != null) {
					map.put(key, plain(tuple.getValueNode(), field + "." + key, context, depth + 1));
				}
			}
			return Collections.unmodifiableMap(map);
		}
		if (node instanceof SequenceNode sequence) {
			List<Object> list = new ArrayList<>();
			List<Node> items = sequence.getValue();
			for (int i = 0; i < items.size(); i++) {
				list.add(plain(items.get(i), field + "[" + i + "]", context, depth + 1));
			}
			return Collections.unmodifiableList(list);
		}
		return isNull(node) ? null : scalar(node, field, context);
	}

	/** A mapping key, which must be a non-empty scalar; its text is the key. */
	static String key(Node node, String field, Context context) {
		if (node instanceof ScalarNode scalar && !scalar.getValue().isEmpty()) {
			return scalar.getValue();
		}
		context.error(node, field, "has a key that is not a string: " + describe(node));
		return null;
	}

	/** A value cut to 40 characters, for messages. */
	static String shortened(String text) {
		return (text.length() > 40) ? text.substring(0, 37) + "..." : text;
	}

	/** How a node looks, for messages: "a mapping", "the string 'x'", "the number 3"... */
	static String describe(Node node) {
		if (node == null || isNull(node)) {
			return "null";
		}
		if (node instanceof MappingNode) {
			return "a mapping";
		}
		if (node instanceof SequenceNode) {
			return "a list";
		}
		ScalarNode scalar = (ScalarNode) node;
		String text = shortened(scalar.getValue());
		Tag tag = scalar.getTag();
		if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
			return "the number " + text;
		}
		if (Tag.BOOL.equals(tag)) {
			return "the boolean " + text;
		}
		return "the string '" + text + "'";
	}

}
