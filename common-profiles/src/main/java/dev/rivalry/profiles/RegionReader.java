package dev.rivalry.profiles;

import java.time.Duration;
import java.util.ArrayList;
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
		List<RegionSelection.LatencyExpansion> expansions = new ArrayList<>();
		Steps steps = new Steps(context);
		for (int i = 0; i < items.size(); i++) {
			MappingReader item = MappingReader.read(items.get(i), expansionsField + "[" + i + "]", context,
					List.of("after", "max-latency"));
			if (item == null) {
				continue;
			}
			Duration after = steps.after(item, i);
			Duration maxLatency = steps.widening(item, "max-latency", true);
			if (after != null && maxLatency != null) {
				expansions.add(new RegionSelection.LatencyExpansion(after, maxLatency));
			}
		}
		return context.failedSince(checkpoint) ? null : new RegionSelection(expansions);
	}

}
