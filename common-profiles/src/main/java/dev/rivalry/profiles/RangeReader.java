package dev.rivalry.profiles;

import java.util.List;

import org.yaml.snakeyaml.nodes.Node;

import dev.rivalry.profiles.filter.FieldPath;
import dev.rivalry.profiles.filter.Range;

/** Reads {@code range: { field: { gt, gte, lt, lte } }}: numeric bounds, at least one. */
final class RangeReader {

	private static final List<String> BOUNDS = List.of("gt", "gte", "lt", "lte");

	private RangeReader() {
	}

	/** @return the range, or null when a problem was reported */
	static Range read(Node node, String field, Context context) {
		LeafField leaf = LeafField.read(node, field, context);
		if (leaf == null) {
			return null;
		}
		FieldPath path = leaf.path();
		String boundsField = leaf.valueField();
		MappingReader bounds = MappingReader.read(leaf.value(), boundsField, context, BOUNDS);
		if (bounds == null) {
			return null;
		}
		int checkpoint = context.checkpoint();
		Number gt = bound(bounds, "gt", context);
		Number gte = bound(bounds, "gte", context);
		Number lt = bound(bounds, "lt", context);
		Number lte = bound(bounds, "lte", context);
		if (!bounds.has("gt") && !bounds.has("gte") && !bounds.has("lt") && !bounds.has("lte")) {
			context.error(leaf.value(), boundsField, "must have at least one bound: gt, gte, lt or lte");
		}
		if (bounds.has("gt") && bounds.has("gte")) {
			context.error(bounds.get("gte"), boundsField, "must not have both gt and gte");
		}
		if (bounds.has("lt") && bounds.has("lte")) {
			context.error(bounds.get("lte"), boundsField, "must not have both lt and lte");
		}
		if (path == null || context.failedSince(checkpoint)) {
			return null;
		}
		return new Range(path, gt, gte, lt, lte);
	}

	private static Number bound(MappingReader bounds, String key, Context context) {
		Node node = bounds.get(key);
		return (node != null) ? Nodes.number(node, bounds.field(key), context) : null;
	}

}
