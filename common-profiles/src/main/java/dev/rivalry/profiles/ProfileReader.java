package dev.rivalry.profiles;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import dev.rivalry.profiles.filter.Filter;

/**
 * Reads the profiles of one file, one at a time, remembering names to refuse duplicates.
 */
final class ProfileReader {

	static final Duration DEFAULT_BATCH_WINDOW = Duration.ofMillis(100);

	static final Duration DEFAULT_TICKET_TTL = Duration.ofMinutes(5);

	private static final List<String> KEYS = List.of("name", "filter", "teams", "strategy", "pool-key", "batch-window",
			"ticket-ttl", "config", "game", "backfill-priority", "acceptance");

	private final Problems problems;

	private final Map<String, Node> names = new HashMap<>();

	ProfileReader(Problems problems) {
		this.problems = problems;
	}

	/**
	 * @param index the profile's 0-based position in the file
	 * @return the profile, or null when a problem was reported
	 */
	Profile read(Node node, int index) {
		Context context = new Context(this.problems, label(node, index));
		if (!(node instanceof MappingNode)) {
			context.error(node, null, "must be a mapping with a name, teams..., not " + Nodes.describe(node));
			return null;
		}
		int checkpoint = context.checkpoint();
		MappingReader profile = MappingReader.read(node, "", context, KEYS);
		String name = name(profile, context);
		Filter filter = profile.has("filter") ? FilterReader.read(profile.get("filter"), "filter", context)
				: Filter.matchAll();
		Teams teams = teams(profile, context);
		Strategy strategy = StrategyReader.read(profile.get("strategy"), "strategy", teams, context);
		PoolKey poolKey = profile.has("pool-key") ? PoolKeyReader.read(profile.get("pool-key"), "pool-key", context)
				: null;
		Duration batchWindow = duration(profile, "batch-window", DEFAULT_BATCH_WINDOW, context);
		Duration ticketTtl = duration(profile, "ticket-ttl", DEFAULT_TICKET_TTL, context);
		if (ticketTtl != null && ticketTtl.isZero()) {
			context.error(profile.get("ticket-ttl"), "ticket-ttl", "must be positive");
		}
		else if (batchWindow != null && ticketTtl != null && batchWindow.compareTo(ticketTtl) >= 0) {
			context.error(profile.get("batch-window"), "batch-window", "must be shorter than ticket-ttl ("
					+ Durations.format(ticketTtl) + ")");
		}
		Duration backfillPriority = duration(profile, "backfill-priority", Duration.ZERO, context);
		Acceptance acceptance = profile.has("acceptance") ? acceptance(profile.get("acceptance"), context) : null;
		Object config = profile.has("config") ? config(profile.get("config"), context) : Map.of();
		String game = profile.has("game") ? Nodes.string(profile.get("game"), "game", context) : null;
		if (context.failedSince(checkpoint)) {
			return null;
		}
		try {
			@SuppressWarnings("unchecked")
			Map<String, Object> configMap = (Map<String, Object>) config;
			return new Profile(name, filter, teams, strategy, poolKey, batchWindow, ticketTtl, configMap, game,
					backfillPriority, acceptance);
		}
		catch (IllegalArgumentException ex) {
			// The reads above check everything the records do; this is a safety net.
			context.error(node, null, ex.getMessage());
			return null;
		}
	}

	/** How problems name the profile: its name when valid, else its position. */
	private static String label(Node node, int index) {
		if (node instanceof MappingNode mapping) {
			for (NodeTuple tuple : mapping.getValue()) {
				if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("name")
						&& tuple.getValueNode() instanceof ScalarNode value
						&& Profile.NAME.matcher(value.getValue()).matches()) {
					return value.getValue();
				}
			}
		}
		return "#" + (index + 1);
	}

	private String name(MappingReader profile, Context context) {
		Node node = profile.require("name");
		String name = (node != null) ? Nodes.string(node, "name", context) : null;
		if (name == null) {
			return null;
		}
		if (!Profile.NAME.matcher(name).matches()) {
			context.error(node, "name", "'" + name + "' must be 1 to 63 lower-case letters, digits and '-', starting "
					+ "with a letter or digit (it names the topic " + Profile.TICKET_TOPIC_PREFIX + "<name>)");
			return null;
		}
		Node previous = this.names.putIfAbsent(name, node);
		if (previous != null) {
			context.error(node, "name", "'" + name + "' is already used by the profile on line "
					+ (previous.getStartMark().getLine() + 1));
			return null;
		}
		return name;
	}

	private static Teams teams(MappingReader profile, Context context) {
		Node node = profile.require("teams");
		MappingReader teams = (node != null) ? MappingReader.read(node, "teams", context, List.of("count", "size"))
				: null;
		if (teams == null) {
			return null;
		}
		Integer count = atLeastOne(teams, "count", context);
		Integer size = atLeastOne(teams, "size", context);
		if (count == null || size == null) {
			return null;
		}
		if ((long) count * size > Teams.MAX_PLAYERS_PER_MATCH) {
			context.error(node, "teams", "count * size must be <= " + Teams.MAX_PLAYERS_PER_MATCH + ", not "
					+ ((long) count * size));
			return null;
		}
		return new Teams(count, size);
	}

	private static Integer atLeastOne(MappingReader mapping, String key, Context context) {
		Node node = mapping.require(key);
		Integer value = (node != null) ? Nodes.integer(node, mapping.field(key), context) : null;
		if (value != null && value < 1) {
			context.error(node, mapping.field(key), "must be >= 1");
			return null;
		}
		return value;
	}

	private static Duration duration(MappingReader profile, String key, Duration fallback, Context context) {
		Node node = profile.get(key);
		return (node != null) ? Nodes.duration(node, key, context, false) : fallback;
	}

	/** {@code acceptance: { timeout: 20s }}; the timeout is required, within the record's bounds. */
	private static Acceptance acceptance(Node node, Context context) {
		MappingReader acceptance = MappingReader.read(node, "acceptance", context, List.of("timeout"));
		if (acceptance == null) {
			return null;
		}
		Node timeoutNode = acceptance.require("timeout");
		Duration timeout = (timeoutNode != null)
				? Nodes.duration(timeoutNode, acceptance.field("timeout"), context, false) : null;
		if (timeout == null) {
			return null;
		}
		if (timeout.compareTo(Duration.ofSeconds(Acceptance.MIN_SECONDS)) < 0
				|| timeout.compareTo(Duration.ofSeconds(Acceptance.MAX_SECONDS)) > 0) {
			context.error(timeoutNode, acceptance.field("timeout"), "must be between " + Acceptance.MIN_SECONDS
					+ "s and " + Acceptance.MAX_SECONDS + "s, not " + Durations.format(timeout));
			return null;
		}
		return new Acceptance(timeout);
	}

	private static Object config(Node node, Context context) {
		if (Nodes.mapping(node, "config", context) == null) {
			return null;
		}
		return Nodes.plain(node, "config", context);
	}

}
