package dev.rivalry.tokens;

import java.util.List;
import java.util.Map;

/**
 * The claims of an allocation token ({@code rivalry-allocation+jwt}): the serverlist tells
 * {@code playerId} which server runs {@code matchId} and how to connect to it. The token's
 * audience is that server, which verifies it with its own id as the expected audience.
 *
 * <p>Immutable; {@code config} and {@code game} as in {@link MatchClaims}.
 *
 * @param playerId the player the token was returned to (the {@code sub})
 * @param serverId the id of the allocated server (the {@code aud})
 * @param matchId the globally unique match id ({@code match_id})
 * @param config the match configuration, opaque to the token layer
 * @param participants the expected participants and their teams
 * @param conn how to connect to the server, {@code host:port}
 * @param game the game the match is for, or {@code null}
 */
public record AllocationClaims(String playerId, String serverId, String matchId, Map<String, Object> config,
		List<Participant> participants, String conn, String game) {

	public AllocationClaims {
		Preconditions.text(playerId, "playerId");
		Preconditions.text(serverId, "serverId");
		Preconditions.text(matchId, "matchId");
		config = JsonValues.object(config, "config");
		participants = Preconditions.participants(participants, playerId);
		Preconditions.connection(conn);
		game = Preconditions.optionalText(game);
	}

	/**
	 * The allocation of a verified match to a server, for the match token's player.
	 * @param match the claims of the player's match token
	 * @param serverId the chosen server
	 * @param conn how to connect to it, {@code host:port}
	 * @return the allocation claims
	 */
	public static AllocationClaims of(MatchClaims match, String serverId, String conn) {
		return new AllocationClaims(match.playerId(), serverId, match.matchId(), match.config(),
				match.participants(), conn, match.game());
	}

}
