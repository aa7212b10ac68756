package dev.rivalry.tickets.backfill;

import java.time.Instant;
import java.util.List;

import dev.rivalry.tokens.Participant;

/**
 * A backfill with its state at one version. Versions start at 1 and grow by one with every
 * change (a fill, or the step to a terminal state), so a reader that sees one version both
 * read and published keeps the later one.
 *
 * @param backfill the immutable part
 * @param state the state at this version
 * @param version the version, 1 when opened
 * @param updatedAt when this version was written
 * @param open the slots still open, teams with nothing left to fill omitted
 * @param added the players that joined the match through this backfill so far, with the
 * index of their team
 */
public record BackfillSnapshot(Backfill backfill, BackfillState state, long version, Instant updatedAt,
		List<Backfill.Slot> open, List<Participant> added) {

	public BackfillSnapshot {
		open = (open != null) ? List.copyOf(open) : List.of();
		added = (added != null) ? List.copyOf(added) : List.of();
	}

	public boolean isNewerThan(BackfillSnapshot other) {
		return this.version > other.version;
	}

	public String id() {
		return this.backfill.id();
	}

}
