package dev.rivalry.tickets.backfill;

/**
 * What became of a request to open, end or fill a backfill.
 */
public sealed interface BackfillOutcome {

	/**
	 * The change was written and published.
	 * @param snapshot the backfill after it
	 */
	record Applied(BackfillSnapshot snapshot) implements BackfillOutcome {
	}

	/**
	 * Nothing was written: the backfill is not in a state (or version) the change applies to.
	 * @param snapshot the backfill as it is
	 */
	record Refused(BackfillSnapshot snapshot) implements BackfillOutcome {
	}

	/** The backfill, or the match it is for, is unknown or past its retention. */
	record Missing() implements BackfillOutcome {
	}

}
