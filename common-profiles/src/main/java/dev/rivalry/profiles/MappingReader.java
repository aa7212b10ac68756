package dev.rivalry.profiles;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * The entries of one YAML mapping, checked once for keys that are unknown (with a
 * suggestion for typos), repeated, or not strings. {@code path} is the mapping's own
 * field path ({@code teams}, {@code strategy.parties}), empty at the top of a profile.
 */
final class MappingReader {

	private final MappingNode node;

	private final String path;

	private final Context context;

	private final Map<String, Node> values = new LinkedHashMap<>();

	private MappingReader(MappingNode node, String path, Context context) {
		this.node = node;
		this.path = path;
		this.context = context;
	}

	/**
	 * @param known the keys this mapping may have
	 * @return the reader, or null (a problem reported) when the node is not a mapping
	 */
	static MappingReader read(Node node, String path, Context context, Collection<String> known) {
		MappingNode mapping = Nodes.mapping(node, path, context);
		if (mapping == null) {
			return null;
		}
		MappingReader reader = new MappingReader(mapping, path, context);
		Map<String, Node> keyNodes = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			String key = Nodes.key(tuple.getKeyNode(), path, context);
			if (key == null) {
				continue;
			}
			Node previous = keyNodes.putIfAbsent(key, tuple.getKeyNode());
			if (previous != null) {
				context.error(tuple.getKeyNode(), reader.field(key),
						"is given twice (first on line " + (previous.getStartMark().getLine() + 1) + ")");
			}
			else if (!known.contains(key)) {
				context.error(tuple.getKeyNode(), reader.field(key), unknown(key, known));
			}
			else {
				reader.values.put(key, tuple.getValueNode());
			}
		}
		return reader;
	}

	static String unknown(String key, Collection<String> known) {
		String suggestion = Suggestions.closest(key, known);
		return "is not a known key" + ((suggestion != null) ? " (did you mean '" + suggestion + "'?)" : "")
				+ "; expected one of " + String.join(", ", known);
	}

	MappingNode node() {
		return this.node;
	}

	boolean has(String key) {
		return this.values.containsKey(key);
	}

	/** @return the value, or null when the key is absent */
	Node get(String key) {
		return this.values.get(key);
	}

	/** @return the value, or null (a problem reported) when the key is absent */
	Node require(String key) {
		Node value = this.values.get(key);
		if (value == null) {
			this.context.error(this.node, field(key), "is required");
		}
		return value;
	}

	/** @return the path of one of this mapping's keys */
	String field(String key) {
		return this.path.isEmpty() ? key : this.path + "." + key;
	}

}
