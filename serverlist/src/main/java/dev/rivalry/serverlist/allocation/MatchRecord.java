package dev.rivalry.serverlist.allocation;

import java.util.List;
import java.util.Map;

import dev.rivalry.tokens.MatchClaims;
import dev.rivalry.tokens.Participant;
import dev.rivalry.tokens.ReportClaims;

/**
 * A match as the serverlist keeps it with its allocation: everything of the match token
 * that does not depend on the player, so the server's report token can be issued from it
 * whenever the allocation is delivered.
 *
 * @param matchId the match
 * @param profile the profile that formed it
 * @param config its opaque configuration
 * @param participants its expected participants
 * @param game its game, or {@code null} for the original game
 */
public record MatchRecord(String matchId, String profile, Map<String, Object> config,
		List<Participant> participants, String game) {

	static MatchRecord of(MatchClaims claims) {
		return new MatchRecord(claims.matchId(), claims.profile(), claims.config(), claims.participants(),
				claims.game());
	}

	/**
	 * @param serverId the server the match is allocated to
	 * @return the claims of that server's report token
	 */
	public ReportClaims reportClaims(String serverId) {
		return new ReportClaims(serverId, this.matchId, this.config, this.participants, this.game);
	}

}
