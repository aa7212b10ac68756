package dev.rivalry.engine.pool;

import java.time.Instant;
import java.util.List;

import dev.rivalry.engine.strategy.OpenBackfill;
import dev.rivalry.tickets.backfill.Backfill;
import dev.rivalry.tickets.backfill.BackfillSnapshot;

/**
 * An open backfill in a pool, with the offset of the record that brought it there (it must
 * be read again after a crash while it is open) and whether a fill is being written.
 *
 * @param snapshot the backfill as last read or written: its version is the one a fill checks
 * @param offset its record's offset in the partition
 * @param filling whether a fill of it is being written (it is not offered to another until then)
 */
record BackfillEntry(BackfillSnapshot snapshot, long offset, boolean filling) {

	String id() {
		return this.snapshot.id();
	}

	String matchId() {
		return this.snapshot.backfill().matchId();
	}

	Instant expiresAt() {
		return this.snapshot.backfill().expiresAt();
	}

	BackfillEntry filling(boolean filling) {
		return new BackfillEntry(this.snapshot, this.offset, filling);
	}

	/** @return the backfill as the strategies see it */
	OpenBackfill open() {
		Backfill backfill = this.snapshot.backfill();
		List<OpenBackfill.OpenSlot> slots = this.snapshot.open()
			.stream()
			.map((slot) -> new OpenBackfill.OpenSlot(slot.teamIndex(), slot.count()))
			.toList();
		return new OpenBackfill(backfill.id(), slots, backfill.rating(), backfill.region(), backfill.createdAt());
	}

}
