package dev.rivalry.profiles;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import dev.rivalry.profiles.filter.Bool;
import dev.rivalry.profiles.filter.Exists;
import dev.rivalry.profiles.filter.FieldPath;
import dev.rivalry.profiles.filter.Filter;
import dev.rivalry.profiles.filter.Term;
import dev.rivalry.profiles.filter.Terms;

/**
 * Reads a filter: a mapping with exactly one clause, {@code bool}, {@code term},
 * {@code terms}, {@code range} or {@code exists}, spelt as in Elasticsearch.
 */
final class FilterReader {

	static final List<String> CLAUSES = List.of("bool", "term", "terms", "range", "exists");

	private static final List<String> BOOL_KEYS = List.of("must", "filter", "should", "must_not",
			"minimum_should_match");

	private static final int MAX_DEPTH = 32;

	private FilterReader() {
	}

	/** @return the filter, or null when a problem was reported */
	static Filter read(Node node, String field, Context context) {
		return read(node, field, context, 0);
	}

	private static Filter read(Node node, String field, Context context, int depth) {
		if (depth > MAX_DEPTH) {
			context.error(node, field, "is nested more than " + MAX_DEPTH + " levels deep");
			return null;
		}
		if (!(node instanceof MappingNode mapping) || mapping.getValue().size() != 1) {
			String found = (node instanceof MappingNode mapping) ? keys(mapping) : Nodes.describe(node);
			context.error(node, field, "must be a mapping with exactly one clause (" + String.join(", ", CLAUSES)
					+ "), not " + found);
			return null;
		}
		NodeTuple clause = mapping.getValue().get(0);
		String name = Nodes.key(clause.getKeyNode(), field, context);
		if (name == null) {
			return null;
		}
		String clauseField = field + "." + name;
		Node value = clause.getValueNode();
		return switch (name) {
			case "bool" -> bool(value, clauseField, context, depth);
			case "term" -> term(value, clauseField, context);
			case "terms" -> terms(value, clauseField, context);
			case "range" -> RangeReader.read(value, clauseField, context);
			case "exists" -> exists(value, clauseField, context);
			default -> {
				String suggestion = Suggestions.closest(name, CLAUSES);
				context.error(clause.getKeyNode(), field, "has an unknown filter clause '" + name + "'"
						+ ((suggestion != null) ? " (did you mean '" + suggestion + "'?)" : "") + "; expected one of "
						+ String.join(", ", CLAUSES));
				yield null;
			}
		};
	}

	private static Filter bool(Node node, String field, Context context, int depth) {
		if (Nodes.isNull(node)) {
			return Filter.matchAll(); // bool: {} and "bool:" alike match everything.
		}
		MappingReader bool = MappingReader.read(node, field, context, BOOL_KEYS);
		if (bool == null) {
			return null;
		}
		int checkpoint = context.checkpoint();
		List<Filter> must = clauses(bool, "must", context, depth);
		List<Filter> filter = clauses(bool, "filter", context, depth);
		List<Filter> should = clauses(bool, "should", context, depth);
		List<Filter> mustNot = clauses(bool, "must_not", context, depth);
		Integer minimumShouldMatch = minimumShouldMatch(bool, context);
		return context.failedSince(checkpoint) ? null : Bool.of(must, filter, should, mustNot, minimumShouldMatch);
	}

	private static List<Filter> clauses(MappingReader bool, String key, Context context, int depth) {
		Node node = bool.get(key);
		if (node == null) {
			return List.of();
		}
		List<Node> items = Nodes.sequence(node, bool.field(key), context, true);
		if (items == null) {
			return List.of();
		}
		boolean single = !items.isEmpty() && items.get(0) == node;
		List<Filter> filters = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			String itemField = single ? bool.field(key) : bool.field(key) + "[" + i + "]";
			Filter filter = read(items.get(i), itemField, context, depth + 1);
			if (filter != null) {
				filters.add(filter);
			}
		}
		return filters;
	}

	/** An integer, possibly negative, or a string holding one (Elasticsearch accepts "2"). */
	private static Integer minimumShouldMatch(MappingReader bool, Context context) {
		Node node = bool.get("minimum_should_match");
		if (node == null) {
			return null;
		}
		String field = bool.field("minimum_should_match");
		if (node instanceof ScalarNode scalar && scalar.getValue().trim().matches("[-+]?[0-9]{1,9}")) {
			return Integer.valueOf(scalar.getValue().trim().replace("+", ""));
		}
		String hint = (node instanceof ScalarNode scalar && scalar.getValue().endsWith("%"))
				? " (percentages are not supported)" : "";
		context.error(node, field, "must be an integer, not " + Nodes.describe(node) + hint);
		return null;
	}

	private static Filter term(Node node, String field, Context context) {
		LeafField leaf = LeafField.read(node, field, context);
		if (leaf == null) {
			return null;
		}
		String valueField = leaf.valueField();
		Node valueNode = leaf.value();
		if (valueNode instanceof MappingNode) {
			// The long form, term: { field: { value: x } }.
			MappingReader longForm = MappingReader.read(valueNode, valueField, context, List.of("value"));
			valueNode = (longForm != null) ? longForm.require("value") : null;
			valueField = valueField + ".value";
			if (valueNode == null) {
				return null;
			}
		}
		Object value = Nodes.scalarValue(valueNode, valueField, context);
		return (leaf.path() != null && value != null) ? new Term(leaf.path(), value) : null;
	}

	private static Filter terms(Node node, String field, Context context) {
		LeafField leaf = LeafField.read(node, field, context);
		if (leaf == null) {
			return null;
		}
		if (!(leaf.value() instanceof SequenceNode)) {
			context.error(leaf.value(), leaf.valueField(),
					"must be a list of values, not " + Nodes.describe(leaf.value()) + " (use term for a single value)");
			return null;
		}
		List<Node> items = Nodes.sequence(leaf.value(), leaf.valueField(), context, false);
		if (items.isEmpty()) {
			context.error(leaf.value(), leaf.valueField(), "must have at least one value");
			return null;
		}
		int checkpoint = context.checkpoint();
		List<Object> values = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			values.add(Nodes.scalarValue(items.get(i), leaf.valueField() + "[" + i + "]", context));
		}
		return (leaf.path() != null && !context.failedSince(checkpoint)) ? new Terms(leaf.path(), values) : null;
	}

	private static Filter exists(Node node, String field, Context context) {
		MappingReader exists = MappingReader.read(node, field, context, List.of("field"));
		if (exists == null) {
			return null;
		}
		Node name = exists.require("field");
		if (name == null) {
			return null;
		}
		FieldPath path = path(name, exists.field("field"), context);
		return (path != null) ? new Exists(path) : null;
	}

	static FieldPath path(Node node, String field, Context context) {
		String name = Nodes.string(node, field, context);
		if (name == null) {
			return null;
		}
		try {
			return FieldPath.of(name);
		}
		catch (IllegalArgumentException ex) {
			context.error(node, field, "is not a valid attribute name: " + ex.getMessage());
			return null;
		}
	}

	/** The keys of a mapping, for a problem that names what it found. */
	static String keys(MappingNode mapping) {
		List<String> keys = new ArrayList<>();
		mapping.getValue().forEach((tuple) -> keys.add(Nodes.describe(tuple.getKeyNode()).replace("the string ", "")));
		return keys.isEmpty() ? "an empty mapping" : String.join(", ", keys);
	}

}
