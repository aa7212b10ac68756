package dev.rivalry.tickets;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A record on a profile's ticket stream ({@code rivalry.tickets.<profile>}), keyed by the
 * pool, so that a ticket and its cancellation arrive in order on one partition.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = TicketMessage.Created.class, name = "created"),
		@JsonSubTypes.Type(value = TicketMessage.Cancelled.class, name = "cancelled") })
public sealed interface TicketMessage {

	/** The id of the ticket the record is about. */
	String ticketId();

	/**
	 * A ticket entered its pool.
	 * @param ticket the ticket as stored
	 */
	record Created(Ticket ticket) implements TicketMessage {

		@Override
		public String ticketId() {
			return this.ticket.id();
		}

	}

	/**
	 * A ticket left its pool by the player's choice.
	 * @param ticketId the cancelled ticket
	 */
	record Cancelled(String ticketId) implements TicketMessage {
	}

}
