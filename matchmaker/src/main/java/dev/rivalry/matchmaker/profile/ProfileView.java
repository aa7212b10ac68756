package dev.rivalry.matchmaker.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rivalry.profiles.Profile;
import dev.rivalry.profiles.Strategy;

/**
 * A profile as {@code GET /v1/profiles} shows it: enough for a client to know which
 * attributes route its tickets where, and how long they may wait.
 *
 * @param name the profile name, which also names its ticket stream
 * @param filter the boolean filter in the profile file's own form
 * @param teams team count and size
 * @param strategy the strategy type and its parameters
 * @param poolKey the attribute that splits the pools, or null for one pool
 * @param poolValues the only values the pool key may take, or null when any well-formed
 * value is allowed
 * @param batchWindow milliseconds the engine gathers tickets before matching a pool
 * @param ticketTtl seconds a ticket may search before it expires
 * @param game the game, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ProfileView(String name, Map<String, Object> filter, Map<String, Integer> teams, Map<String, Object> strategy,
		String poolKey, List<String> poolValues, long batchWindow, long ticketTtl, String game) {

	static ProfileView of(Profile profile) {
		return new ProfileView(profile.name(), profile.filter().toMap(),
				Map.of("count", profile.teams().count(), "size", profile.teams().size()), strategyOf(profile.strategy()),
				(profile.poolKey() != null) ? profile.poolKey().attribute().name() : null, poolValuesOf(profile),
				profile.batchWindow().toMillis(), profile.ticketTtl().toSeconds(), profile.game());
	}

	private static List<String> poolValuesOf(Profile profile) {
		return (profile.poolKey() != null && !profile.poolKey().allowed().isEmpty()) ? profile.poolKey().allowed() : null;
	}

	private static Map<String, Object> strategyOf(Strategy strategy) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("type", strategy.type());
		view.put("maxPartySize", strategy.maxPartySize());
		view.put("balanceTeams", strategy.balanceTeams());
		if (strategy instanceof Strategy.Rating rating) {
			List<Map<String, Object>> expansions = rating.expansions()
				.stream()
				.map((expansion) -> Map.<String, Object>of("afterSeconds", expansion.after().toSeconds(), "spread",
						expansion.spread()))
				.toList();
			view.put("expansions", expansions);
		}
		return view;
	}

}
