package dev.rivalry.client;

import java.time.Instant;

/**
 * The answer of {@code POST /v1/allocations}: where a player connects and the token it
 * shows there (docs/serverlist.md).
 *
 * @param matchId the match
 * @param token the allocation token, for the game server's eyes only
 * @param conn the game server's address, {@code host:port}
 * @param expiresAt when the token expires
 */
public record AllocationGrant(String matchId, String token, String conn, Instant expiresAt) {

	@Override
	public String toString() {
		return "AllocationGrant[matchId=" + this.matchId + ", conn=" + this.conn + "]";
	}

}
