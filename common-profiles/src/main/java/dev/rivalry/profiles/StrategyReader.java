package dev.rivalry.profiles;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import dev.rivalry.profiles.filter.FieldPath;

/**
 * Reads {@code strategy}: a mapping with a {@code type}, or just the type's name. Absent
 * means {@code first-come} with defaults.
 */
final class StrategyReader {

	private static final List<String> TYPES = List.of(Strategy.FirstCome.TYPE, Strategy.Rating.TYPE);

	private static final List<String> COMMON_KEYS = List.of("type", "parties", "balance-teams", "region");

	private static final List<String> RATING_KEYS = List.of("expansions", "rating-attribute");

	private static final List<String> ALL_KEYS = concat(COMMON_KEYS, RATING_KEYS);

	private StrategyReader() {
	}

	/**
	 * @param teams the profile's teams, for the default party size; null if invalid
	 * @return the strategy, or null when a problem was reported
	 */
	static Strategy read(Node node, String field, Teams teams, Context context) {
		int teamSize = (teams != null) ? teams.size() : Teams.MAX_PLAYERS_PER_MATCH;
		if (node == null) {
			return new Strategy.FirstCome(teamSize, false, null);
		}
		if (node instanceof ScalarNode) {
			String type = type(node, field, context);
			if (type == null) {
				return null;
			}
			return type.equals(Strategy.Rating.TYPE) ? new Strategy.Rating(List.of(), null, teamSize, false, null)
					: new Strategy.FirstCome(teamSize, false, null);
		}
		MappingReader strategy = MappingReader.read(node, field, context, ALL_KEYS);
		if (strategy == null) {
			return null;
		}
		int checkpoint = context.checkpoint();
		Node typeNode = strategy.require("type");
		String type = (typeNode != null) ? type(typeNode, strategy.field("type"), context) : null;
		Integer maxPartySize = parties(strategy, teamSize, teams != null, context);
		Boolean balanceTeams = strategy.has("balance-teams")
				? Nodes.bool(strategy.get("balance-teams"), strategy.field("balance-teams"), context) : Boolean.FALSE;
		RegionSelection region = strategy.has("region") ? RegionReader.read(strategy.get("region"),
				strategy.field("region"), context) : null;
		if (Strategy.FirstCome.TYPE.equals(type)) {
			for (String key : RATING_KEYS) {
				if (strategy.has(key)) {
					context.error(strategy.get(key), strategy.field(key), "only applies to type 'rating'");
				}
			}
		}
		List<Strategy.Expansion> expansions = strategy.has("expansions") ? expansions(strategy, context) : List.of();
		FieldPath ratingAttribute = strategy.has("rating-attribute")
				? FilterReader.path(strategy.get("rating-attribute"), strategy.field("rating-attribute"), context)
				: null;
		if (type == null || context.failedSince(checkpoint)) {
			return null;
		}
		return type.equals(Strategy.Rating.TYPE)
				? new Strategy.Rating(expansions, ratingAttribute, maxPartySize, balanceTeams, region)
				: new Strategy.FirstCome(maxPartySize, balanceTeams, region);
	}

	private static String type(Node node, String field, Context context) {
		String type = Nodes.string(node, field, context);
		if (type != null && !TYPES.contains(type)) {
			String suggestion = Suggestions.closest(type, TYPES);
			context.error(node, field, "must be one of " + String.join(", ", TYPES) + ", not '" + type + "'"
					+ ((suggestion != null) ? " (did you mean '" + suggestion + "'?)" : ""));
			return null;
		}
		return type;
	}

	private static Integer parties(MappingReader strategy, int teamSize, boolean knownTeamSize, Context context) {
		if (!strategy.has("parties")) {
			return teamSize;
		}
		MappingReader parties = MappingReader.read(strategy.get("parties"), strategy.field("parties"), context,
				List.of("max-size"));
		Node maxSizeNode = (parties != null) ? parties.require("max-size") : null;
		if (maxSizeNode == null) {
			return null;
		}
		String field = parties.field("max-size");
		Integer maxSize = Nodes.integer(maxSizeNode, field, context);
		if (maxSize != null && maxSize < 1) {
			context.error(maxSizeNode, field, "must be >= 1, not " + maxSize);
			return null;
		}
		if (maxSize != null && knownTeamSize && maxSize > teamSize) {
			context.error(maxSizeNode, field, "must be <= teams.size (" + teamSize + "), as a party plays on one team");
			return null;
		}
		return maxSize;
	}

	private static List<Strategy.Expansion> expansions(MappingReader strategy, Context context) {
		String field = strategy.field("expansions");
		Node node = strategy.get("expansions");
		List<Node> items = Nodes.sequence(node, field, context, false);
		if (items == null) {
			return List.of();
		}
		if (items.isEmpty()) {
			context.error(node, field, "must not be empty (leave it out for no limit on the spread)");
		}
		return Steps.read(items, field, "spread", context, Steps::widening,
				(after, spread) -> new Strategy.Expansion(after, spread.doubleValue()));
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return List.copyOf(all);
	}

}
