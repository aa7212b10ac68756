package dev.rivalry.matchmaker.result;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rivalry.matchmaker.rating.RatingView;
import dev.rivalry.ratings.Rating;

/**
 * A match's result: the answer to a report, and the record published on
 * {@code rivalry.results} (keyed by the match id).
 *
 * @param matchId the match
 * @param profile the profile whose ratings it changed
 * @param game the game, or null for the default game
 * @param server the id of the game server that reported it (the report token's subject)
 * @param reportedAt when the matchmaker accepted it
 * @param teams the teams in the match's order, with their ranks and players
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatchResult(String matchId, String profile, String game, String server, Instant reportedAt,
		List<TeamResult> teams) {

	/** @return each team's rank, in team order */
	List<Integer> ranks() {
		return this.teams.stream().map(TeamResult::rank).toList();
	}

	/** @return each team's player ids, in team order */
	List<List<String>> playerIds() {
		return this.teams.stream().map((team) -> team.players().stream().map(PlayerResult::id).toList()).toList();
	}

	/** @return this result with every player's rating after it */
	MatchResult withRatings(Map<String, Rating> ratings) {
		List<TeamResult> rated = this.teams.stream()
			.map((team) -> new TeamResult(team.rank(), team.players()
				.stream()
				.map((player) -> new PlayerResult(player.id(), RatingView.of(ratings.get(player.id()))))
				.toList()))
			.toList();
		return new MatchResult(this.matchId, this.profile, this.game, this.server, this.reportedAt, rated);
	}

	/**
	 * @param rank 1 is best; equal ranks are a draw
	 * @param players the team's players
	 */
	public record TeamResult(int rank, List<PlayerResult> players) {
	}

	/**
	 * @param id the player's id
	 * @param rating the player's rating in the profile right after this result was applied;
	 * absent until it is
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record PlayerResult(String id, RatingView rating) {
	}

}
