package dev.rivalry.ratings;

/**
 * What became of a compare-and-set of one player's rating.
 */
public sealed interface UpdateOutcome {

	/** The new rating was written, as version {@code stored.version()}. */
	record Applied(StoredRating stored) implements UpdateOutcome {
	}

	/**
	 * The rating changed since it was read (another result of the player was applied
	 * meanwhile); nothing was written. Compute again from {@code current}.
	 */
	record Conflict(StoredRating current) implements UpdateOutcome {
	}

	/**
	 * This match had already been applied to the player (a retried result); nothing was
	 * written. {@code current} is the rating now.
	 */
	record AlreadyApplied(StoredRating current) implements UpdateOutcome {
	}

}
