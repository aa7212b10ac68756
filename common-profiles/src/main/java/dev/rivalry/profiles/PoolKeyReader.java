package dev.rivalry.profiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import dev.rivalry.profiles.filter.FieldPath;

/**
 * Reads {@code pool-key}: an attribute name ({@code pool-key: region}), or
 * {@code { attribute: region, required: true, allowed: [eu, us] }}.
 */
final class PoolKeyReader {

	private PoolKeyReader() {
	}

	/** @return the pool key, or null when a problem was reported */
	static PoolKey read(Node node, String field, Context context) {
		if (!(node instanceof MappingNode)) {
			FieldPath attribute = FilterReader.path(node, field, context);
			return (attribute != null) ? new PoolKey(attribute, false) : null;
		}
		MappingReader poolKey = MappingReader.read(node, field, context, List.of("attribute", "required", "allowed"));
		Node attributeNode = poolKey.require("attribute");
		FieldPath attribute = (attributeNode != null)
				? FilterReader.path(attributeNode, poolKey.field("attribute"), context) : null;
		Boolean required = poolKey.has("required")
				? Nodes.bool(poolKey.get("required"), poolKey.field("required"), context) : Boolean.FALSE;
		List<String> allowed = poolKey.has("allowed")
				? allowed(poolKey.get("allowed"), poolKey.field("allowed"), context) : List.of();
		return (attribute != null && required != null && allowed != null) ? new PoolKey(attribute, required, allowed)
				: null;
	}

	/** @return the allowed values, or null when a problem was reported */
	private static List<String> allowed(Node node, String field, Context context) {
		List<Node> items = Nodes.sequence(node, field, context, false);
		if (items == null) {
			return null;
		}
		if (items.isEmpty()) {
			context.error(node, field, "must not be empty (leave it out to allow any value)");
			return null;
		}
		int checkpoint = context.checkpoint();
		Map<String, Integer> values = new LinkedHashMap<>();
		for (int i = 0; i < items.size(); i++) {
			String itemField = field + "[" + i + "]";
			String value = Nodes.string(items.get(i), itemField, context);
			if (value == null) {
				continue;
			}
			if (!PoolKey.VALUE.matcher(value).matches()) {
				context.error(items.get(i), itemField, "'" + Nodes.shortened(value)
						+ "' must be 1 to 64 letters, digits, '.', '_' or '-' (it becomes a Kafka record key)");
			}
			else if (values.containsKey(value)) {
				context.error(items.get(i), itemField,
						"'" + value + "' is given twice (first as " + field + "[" + values.get(value) + "])");
			}
			values.putIfAbsent(value, i);
		}
		return context.failedSince(checkpoint) ? null : new ArrayList<>(values.keySet());
	}

}
