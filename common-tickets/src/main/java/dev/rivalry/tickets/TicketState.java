package dev.rivalry.tickets;

/**
 * The states of a ticket, as the HTTP contract names them. {@code SEARCHING} is the only
 * state a ticket enters by creation; every change is one atomic transition in Redis:
 * <pre>
 * SEARCHING -> MATCHED | CANCELLED | EXPIRED | PROPOSED (a profile with acceptance)
 * PROPOSED  -> MATCHED (every player accepted)
 *            | SEARCHING (the proposal was dropped, this ticket's players did not refuse it)
 *            | CANCELLED (declined, cancelled, or not accepted in time)
 * </pre>
 * {@code MATCHED}, {@code CANCELLED} and {@code EXPIRED} are terminal.
 */
public enum TicketState {

	SEARCHING, PROPOSED, MATCHED, CANCELLED, EXPIRED;

	/**
	 * Whether a ticket in this state will never change again.
	 * @return {@code true} for {@link #MATCHED}, {@link #CANCELLED} and {@link #EXPIRED}
	 */
	public boolean isTerminal() {
		return this != SEARCHING && this != PROPOSED;
	}

}
