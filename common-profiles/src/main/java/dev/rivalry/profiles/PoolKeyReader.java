package dev.rivalry.profiles;

import java.util.List;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import dev.rivalry.profiles.filter.FieldPath;

/**
 * Reads {@code pool-key}: an attribute name ({@code pool-key: region}), or
 * {@code { attribute: region, required: true }}.
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
		MappingReader poolKey = MappingReader.read(node, field, context, List.of("attribute", "required"));
		Node attributeNode = poolKey.require("attribute");
		FieldPath attribute = (attributeNode != null)
				? FilterReader.path(attributeNode, poolKey.field("attribute"), context) : null;
		Boolean required = poolKey.has("required")
				? Nodes.bool(poolKey.get("required"), poolKey.field("required"), context) : Boolean.FALSE;
		return (attribute != null && required != null) ? new PoolKey(attribute, required) : null;
	}

}
