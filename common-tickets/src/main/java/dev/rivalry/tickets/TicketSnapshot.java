package dev.rivalry.tickets;

import java.time.Instant;

/**
 * A ticket with its state at one version. Versions start at 1 and grow by one with every
 * transition, so a reader that sees the same ticket twice (once read, once published)
 * keeps the later one.
 *
 * @param ticket the immutable part
 * @param state the state at this version
 * @param version the version, 1 for a new ticket
 * @param updatedAt when this version was written
 * @param match the match when {@code state} is {@link TicketState#MATCHED}, else {@code null}
 */
public record TicketSnapshot(Ticket ticket, TicketState state, long version, Instant updatedAt, Match match) {

	public boolean isNewerThan(long otherVersion) {
		return this.version > otherVersion;
	}

}
