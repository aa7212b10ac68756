package dev.rivalry.matchmaker.backfill;

import java.time.Instant;
import java.util.List;

import dev.rivalry.tickets.backfill.Backfill;
import dev.rivalry.tickets.backfill.BackfillSnapshot;
import dev.rivalry.tickets.backfill.BackfillState;
import dev.rivalry.tokens.Participant;

/**
 * A backfill as its game server sees it, in responses and in {@code backfill} events.
 *
 * @param id the backfill's id
 * @param matchId the match it fills
 * @param state {@code SEARCHING}, {@code FILLED}, {@code EXPIRED}, {@code CANCELLED},
 * {@code REPLACED} or {@code ENDED}
 * @param slots the players asked for per team (team numbers from 1)
 * @param open the seats still open per team
 * @param added the players who joined so far, with their team index as participants carry it
 * @param createdAt when it was opened
 * @param expiresAt when it expires unless filled or ended before
 * @param updatedAt when it last changed
 */
public record BackfillView(String id, String matchId, BackfillState state, List<Backfill.Slot> slots,
		List<Backfill.Slot> open, List<Participant> added, Instant createdAt, Instant expiresAt, Instant updatedAt) {

	static BackfillView of(BackfillSnapshot snapshot) {
		Backfill backfill = snapshot.backfill();
		return new BackfillView(backfill.id(), backfill.matchId(), snapshot.state(), backfill.slots(), snapshot.open(),
				snapshot.added(), backfill.createdAt(), backfill.expiresAt(), snapshot.updatedAt());
	}

}
