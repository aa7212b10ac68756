package dev.rivalry.profiles;

import java.util.List;

import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code region: { latency-expansions: [{ after, max-latency }] }}. A
 * {@code max-latency} may be a duration or a plain number of milliseconds, the unit
 * clients measure latencies in.
 */
final class RegionReader {

	private RegionReader() {
	}

	/** @return the region selection, or null when a problem was reported */
	static RegionSelection read(Node node, String field, Context context) {
		MappingReader region = MappingReader.read(node, field, context, List.of("latency-expansions"));
		Node expansionsNode = (region != null) ? region.require("latency-expansions") : null;
		if (expansionsNode == null) {
			return null;
		}
		String expansionsField = region.field("latency-expansions");
		List<Node> items = Nodes.sequence(expansionsNode, expansionsField, context, false);
		if (items == null) {
			return null;
		}
		if (items.isEmpty()) {
			context.error(expansionsNode, expansionsField, "must not be empty");
			return null;
		}
		int checkpoint = context.checkpoint();
		List<RegionSelection.LatencyExpansion> expansions = Steps.read(items, expansionsField, "max-latency", context,
				(steps, item, key) -> steps.widening(item, key, true), RegionSelection.LatencyExpansion::new);
		return context.failedSince(checkpoint) ? null : new RegionSelection(expansions);
	}

}
