package dev.rivalry.tickets.backfill;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a game server asked for: players for the open slots of its running match. The
 * immutable part of a backfill; its state lives beside it in {@link BackfillSnapshot}.
 *
 * @param id the backfill's id, which carries the match's pool hash tag (see
 * {@link dev.rivalry.tickets.TicketIds}), so its keys share the match's Redis slot
 * @param matchId the match the players join
 * @param profile the match's profile: the backfill travels on that profile's stream
 * @param pool the match's pool, the record key on that stream
 * @param serverId the server that asked (the subject of its report token)
 * @param slots the players wanted per team, as asked
 * @param rating the match's rating, copied from it (the engine looks for players near it),
 * or {@code null}
 * @param region the match's region, copied from it, or {@code null}
 * @param createdAt when it was opened
 * @param expiresAt when it expires if its slots were not all filled before
 */
public record Backfill(String id, String matchId, String profile, String pool, String serverId, List<Slot> slots,
		Double rating, String region, Instant createdAt, Instant expiresAt) {

	public Backfill {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(matchId, "matchId");
		Objects.requireNonNull(profile, "profile");
		Objects.requireNonNull(pool, "pool");
		slots = List.copyOf(slots);
		Objects.requireNonNull(createdAt, "createdAt");
		Objects.requireNonNull(expiresAt, "expiresAt");
	}

	/**
	 * Players wanted on one team.
	 *
	 * @param team the team's number, 1 for the first team of the match's team order (the
	 * participants' {@code team} index plus one, as results rank teams in that order)
	 * @param count how many players, at least 1
	 */
	public record Slot(int team, int count) {

		/** @return the team's index, as participants carry it */
		public int teamIndex() {
			return this.team - 1;
		}

	}

}
