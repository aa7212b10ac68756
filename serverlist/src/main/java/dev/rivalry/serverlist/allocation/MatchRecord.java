package dev.rivalry.serverlist.allocation;

import java.util.List;
import java.util.Map;

import dev.rivalry.tokens.MatchClaims;
import dev.rivalry.tokens.Participant;
import dev.rivalry.tokens.ReportClaims;
import dev.rivalry.tokens.TokenIssuer;
import dev.rivalry.tokens.TokenKind;

/**
 * A match as the serverlist keeps it with its allocation: everything of the match token
 * that does not depend on the player, so the server's report token can be issued from it
 * when the server confirms the start (no bearer token is stored).
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
	 * Signs a report token for the match, valid for {@code rivalry.tokens.lifetimes.report}.
	 * @param issuer the serverlist's issuer
	 * @param serverId the server the match is allocated to: the token's subject
	 * @return the compact token
	 */
	public String reportToken(TokenIssuer issuer, String serverId) {
		ReportClaims claims = new ReportClaims(serverId, this.matchId, this.config, this.participants, this.game);
		return issuer.issue(TokenKind.REPORT, claims).compact();
	}

}
