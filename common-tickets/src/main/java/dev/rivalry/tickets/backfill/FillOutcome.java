package dev.rivalry.tickets.backfill;

import java.util.List;

/**
 * What became of an attempt to move waiting tickets into a backfill's match.
 */
public sealed interface FillOutcome {

	/**
	 * The tickets are {@code MATCHED} into the match, the roster and the open slots changed.
	 * @param snapshot the backfill after the fill
	 */
	record Filled(BackfillSnapshot snapshot) implements FillOutcome {
	}

	/**
	 * At least one ticket was no longer searching; nothing changed, the others may wait again.
	 * @param ticketIds the tickets that were not searching
	 */
	record TicketsGone(List<String> ticketIds) implements FillOutcome {

		public TicketsGone {
			ticketIds = List.copyOf(ticketIds);
		}

	}

	/**
	 * The backfill or its match changed since the engine read them (a fill by another
	 * instance, a replacement, a cancel, an expiry); nothing changed.
	 * @param snapshot the backfill as it is now, or {@code null} when it is gone
	 */
	record Stale(BackfillSnapshot snapshot) implements FillOutcome {
	}

}
