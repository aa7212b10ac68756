package dev.rivalry.tokens;

import java.util.List;
import java.util.Map;

/**
 * The claims of a match token ({@code rivalry-match+jwt}): the matchmaker certifies to the
 * serverlist that {@code playerId} was matched into {@code matchId}.
 *
 * <p>Immutable. {@code config} is an opaque JSON object, copied deeply (numbers become
 * {@code Long} or {@code Double}); {@code game} is {@code null} when absent (a blank value
 * counts as absent, meaning the original game). Every other component is required and the
 * player must be one of the participants.
 *
 * @param playerId the player the token was returned to (the {@code sub})
 * @param matchId the globally unique match id ({@code match_id})
 * @param profile the name of the match profile that formed the match
 * @param config the match configuration, opaque to the token layer
 * @param participants the expected participants and their teams
 * @param game the game the match is for, or {@code null}
 * @param backfill whether the player joined the running match through a backfill (the
 * {@code backfill} claim, present only when true): the match already has its server
 */
public record MatchClaims(String playerId, String matchId, String profile, Map<String, Object> config,
		List<Participant> participants, String game, boolean backfill) {

	public MatchClaims {
		Preconditions.text(playerId, "playerId");
		Preconditions.text(matchId, "matchId");
		Preconditions.text(profile, "profile");
		config = JsonValues.object(config, "config");
		participants = Preconditions.participants(participants, playerId);
		game = Preconditions.optionalText(game);
	}

	/** Claims of a player matched when the match was formed. */
	public MatchClaims(String playerId, String matchId, String profile, Map<String, Object> config,
			List<Participant> participants, String game) {
		this(playerId, matchId, profile, config, participants, game, false);
	}

	/** Claims for the original game (no {@code game} claim). */
	public MatchClaims(String playerId, String matchId, String profile, Map<String, Object> config,
			List<Participant> participants) {
		this(playerId, matchId, profile, config, participants, null, false);
	}

}
