package dev.rivalry.tickets;

/**
 * What became of a request to move one ticket to another state.
 */
public sealed interface TransitionResult {

	/** The ticket moved; {@code snapshot} is its new form, already published. */
	record Applied(TicketSnapshot snapshot) implements TransitionResult {
	}

	/** The ticket's current state does not allow the move; nothing changed. */
	record Refused(TicketSnapshot current) implements TransitionResult {
	}

	/** No such ticket (never created, or past its retention). */
	record Missing() implements TransitionResult {
	}

}
