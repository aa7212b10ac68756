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
 * @param proposal the proposed match waiting for its players' answers when {@code state} is
 * {@link TicketState#PROPOSED}, else {@code null}
 * @param reason why a ticket ended {@code CANCELLED} when not by its own cancel
 * ({@value #DECLINED}, {@value #ACCEPTANCE_TIMEOUT}), else {@code null}
 */
public record TicketSnapshot(Ticket ticket, TicketState state, long version, Instant updatedAt, Match match,
		MatchProposal proposal, String reason) {

	/** A player of the ticket declined a proposed match (or cancelled the ticket during it). */
	public static final String DECLINED = "declined";

	/** A player of the ticket did not accept a proposed match before its deadline. */
	public static final String ACCEPTANCE_TIMEOUT = "acceptance-timeout";

	/** A ticket's form outside any proposal, with no reason. */
	public TicketSnapshot(Ticket ticket, TicketState state, long version, Instant updatedAt, Match match) {
		this(ticket, state, version, updatedAt, match, null, null);
	}

	public boolean isNewerThan(long otherVersion) {
		return this.version > otherVersion;
	}

}
