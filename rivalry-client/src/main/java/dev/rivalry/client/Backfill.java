package dev.rivalry.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.rivalry.tokens.Participant;

/**
 * A game server's request for players for its running match, as the matchmaker shows it
 * (docs/backfill.md).
 *
 * @param id the backfill
 * @param matchId its match
 * @param state {@code SEARCHING}, {@code FILLED}, {@code EXPIRED}, {@code CANCELLED}, {@code REPLACED} or {@code ENDED}
 * @param slots the seats asked for
 * @param open the seats still open
 * @param added who joined, with their team index in the match's participants
 * @param createdAt when it was opened
 * @param expiresAt when it stops searching
 * @param updatedAt when it last changed
 */
public record Backfill(String id, String matchId, String state, List<Slot> slots, List<Slot> open,
		List<Participant> added, Instant createdAt, Instant expiresAt, Instant updatedAt) {

	/**
	 * Seats wanted on one team.
	 *
	 * @param team the team, numbered from 1 in the match's team order
	 * @param count how many players
	 */
	public record Slot(int team, int count) {
	}

	/**
	 * The body of {@code POST /v1/matches/{matchId}/backfills}.
	 *
	 * @param slots the seats wanted
	 * @param ttl how long to search, e.g. {@code 60s}
	 */
	record Request(List<Slot> slots, String ttl) {

		static Request of(List<Slot> slots, Duration ttl) {
			return new Request(List.copyOf(slots), Math.max(1, ttl.toSeconds()) + "s");
		}

	}

}
