package dev.rivalry.tokens;

import java.util.List;
import java.util.Map;

/**
 * The claims of a report token ({@code rivalry-report+jwt}): the serverlist lets the server
 * {@code serverId} report the result of {@code matchId} to the matchmaker.
 *
 * <p>Immutable; {@code config} and {@code game} as in {@link MatchClaims}.
 *
 * @param serverId the server that runs the match (the {@code sub})
 * @param matchId the globally unique match id ({@code match_id})
 * @param config the match configuration, opaque to the token layer
 * @param participants the expected participants and their teams
 * @param game the game the match is for, or {@code null}
 */
public record ReportClaims(String serverId, String matchId, Map<String, Object> config,
		List<Participant> participants, String game) {

	public ReportClaims {
		Preconditions.text(serverId, "serverId");
		Preconditions.text(matchId, "matchId");
		config = JsonValues.object(config, "config");
		participants = Preconditions.participants(participants, null);
		game = Preconditions.optionalText(game);
	}

	/**
	 * The report claims for a verified match allocated to a server.
	 * @param match the claims of a match token of the match
	 * @param serverId the server the match was allocated to
	 * @return the report claims
	 */
	public static ReportClaims of(MatchClaims match, String serverId) {
		return new ReportClaims(serverId, match.matchId(), match.config(), match.participants(), match.game());
	}

}
