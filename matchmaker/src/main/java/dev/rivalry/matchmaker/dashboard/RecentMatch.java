package dev.rivalry.matchmaker.dashboard;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One of the latest matches as the dashboard shows it.
 *
 * @param id the match id
 * @param profile the profile it was formed in
 * @param pool the pool it was formed from (the pool key's value, e.g. the region)
 * @param formedAt when the engine formed it
 * @param teams its teams in team order
 */
record RecentMatch(String id, String profile, String pool, Instant formedAt, List<Team> teams) {

	/**
	 * @param players the team's players
	 */
	record Team(List<Player> players) {
	}

	/**
	 * A participant and, when the ratings could be read, the {@code mu} of their rating in
	 * the match's profile when the match formed and after its result was applied.
	 *
	 * @param id the player
	 * @param before {@code mu} when the match formed, or absent
	 * @param after {@code mu} after the result, or absent until it is applied
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Player(String id, Double before, Double after) {
	}

}
