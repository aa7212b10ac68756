package dev.rivalry.profiles;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import dev.rivalry.profiles.filter.FieldPath;

/**
 * The one {@code attribute: value} entry of a leaf clause such as term, terms or range.
 * @param path the attribute, or null when its name was refused: the clause still reads its
 * value, so that one pass reports the value's problems too
 * @param valueField how problems name the value
 * @param value the value's node
 */
record LeafField(FieldPath path, String valueField, Node value) {

	/** @return the entry, or null when a problem was reported */
	static LeafField read(Node node, String field, Context context) {
		MappingNode mapping = Nodes.mapping(node, field, context);
		if (mapping == null) {
			return null;
		}
		if (mapping.getValue().size() != 1) {
			String hint = mapping.getValue().isEmpty() ? "" : ", not " + FilterReader.keys(mapping) + " (combine several in a bool)";
			context.error(node, field, "must name exactly one attribute" + hint);
			return null;
		}
		NodeTuple entry = mapping.getValue().get(0);
		if (Nodes.key(entry.getKeyNode(), field, context) == null) {
			return null;
		}
		FieldPath path = FilterReader.path(entry.getKeyNode(), field, context);
		return new LeafField(path, field + "." + ((ScalarNode) entry.getKeyNode()).getValue(), entry.getValueNode());
	}

}
