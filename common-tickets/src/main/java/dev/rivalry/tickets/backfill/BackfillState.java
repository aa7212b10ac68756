package dev.rivalry.tickets.backfill;

/**
 * The states of a backfill. {@code SEARCHING} is the only one it is opened in and the only
 * one in which its slots are filled; every other state is terminal, reached by one atomic
 * step in Redis.
 */
public enum BackfillState {

	/** Open: the engine that owns the match's pool fills its slots from waiting tickets. */
	SEARCHING,

	/** Every slot was filled. */
	FILLED,

	/** Its time to live passed with slots still open. */
	EXPIRED,

	/** The server withdrew it ({@code DELETE}). */
	CANCELLED,

	/** The server asked again for the same match: the newer backfill took its place. */
	REPLACED,

	/** The match is over: its results were reported or its server became ready again. */
	ENDED;

	public boolean isTerminal() {
		return this != SEARCHING;
	}

}
