package dev.rivalry.tickets;

/**
 * The states of a ticket, as the HTTP contract names them. {@code SEARCHING} is the only
 * state a ticket enters by creation; every other state is terminal and is reached by one
 * atomic transition in Redis.
 */
public enum TicketState {

	SEARCHING, MATCHED, CANCELLED, EXPIRED;

	/**
	 * Whether a ticket in this state will never change again.
	 * @return {@code true} for every state but {@link #SEARCHING}
	 */
	public boolean isTerminal() {
		return this != SEARCHING;
	}

}
