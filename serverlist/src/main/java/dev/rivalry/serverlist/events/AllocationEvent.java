package dev.rivalry.serverlist.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.rivalry.tokens.Participant;

/**
 * The data of an {@code allocation} event: a match for the server to run.
 *
 * @param matchId the match
 * @param participants the players to expect, with their teams
 * @param config the match's configuration
 * @param startBy confirm the start before this, or the allocation expires
 */
public record AllocationEvent(String matchId, List<Participant> participants, Map<String, Object> config,
		Instant startBy) {

	/**
	 * The data of a {@code started} event: the server confirmed the start of its match.
	 *
	 * @param matchId the match
	 * @param reportToken the server's report token for it, as the start confirmation answers:
	 * {@code Authorization: Bearer} for posting the results to the matchmaker
	 */
	public record Started(String matchId, String reportToken) {
	}

	/**
	 * The data of a {@code backfill} event: players joined the server's running match through
	 * a backfill (as each comes for its allocation token).
	 *
	 * @param matchId the match
	 * @param participants the match's whole roster now
	 * @param added the players who just joined, with their teams
	 */
	public record Backfilled(String matchId, List<Participant> participants, List<Participant> added) {
	}

	/**
	 * The data of an {@code allocation-expired} event: the pending allocation ended before the
	 * start; the server is {@code READY} again (or {@code UNHEALTHY}).
	 *
	 * @param matchId the match
	 */
	public record Expired(String matchId) {
	}

	/**
	 * The data of a {@code removed} event, the last of a stream: the server was deregistered
	 * or removed after staying silent, and must register again.
	 *
	 * @param serverId the server
	 */
	public record Removed(String serverId) {
	}

}
