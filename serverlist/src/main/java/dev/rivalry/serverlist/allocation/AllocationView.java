package dev.rivalry.serverlist.allocation;

import java.time.Instant;

/**
 * The answer to {@code POST /v1/allocations}.
 *
 * @param matchId the match
 * @param token the caller's allocation token: audience the server, subject the caller
 * @param conn how to connect to the server, {@code host:port}
 * @param expiresAt when the allocation token expires
 */
public record AllocationView(String matchId, String token, String conn, Instant expiresAt) {
}
