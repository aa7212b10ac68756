package dev.rivalry.tickets;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.rivalry.tickets.backfill.Backfill;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A record on a profile's ticket stream ({@code rivalry.tickets.<profile>}), keyed by the
 * pool, so that a ticket and its cancellation arrive in order on one partition.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = TicketMessage.Created.class, name = "created"),
		@JsonSubTypes.Type(value = TicketMessage.Cancelled.class, name = "cancelled"),
		@JsonSubTypes.Type(value = TicketMessage.BackfillOpened.class, name = "backfill-opened"),
		@JsonSubTypes.Type(value = TicketMessage.BackfillClosed.class, name = "backfill-closed") })
public sealed interface TicketMessage {

	/** The id of the ticket (or backfill) the record is about. */
	String subjectId();

	/**
	 * A ticket entered its pool.
	 * @param ticket the ticket as stored
	 */
	record Created(Ticket ticket) implements TicketMessage {

		@Override
		public String subjectId() {
			return this.ticket.id();
		}

	}

	/**
	 * A ticket left its pool by the player's choice.
	 * @param ticketId the cancelled ticket
	 */
	record Cancelled(String ticketId) implements TicketMessage {

		@Override
		public String subjectId() {
			return this.ticketId;
		}

	}

	/**
	 * A game server opened a backfill for its match, in the match's pool: the engine that
	 * owns the pool holds it beside the waiting tickets. Its state is read from Redis, the
	 * truth, when the record is applied (a replayed record of a filled one is skipped).
	 * @param backfill the backfill as opened
	 */
	record BackfillOpened(Backfill backfill) implements TicketMessage {

		@Override
		public String subjectId() {
			return this.backfill.id();
		}

	}

	/**
	 * A backfill stopped searching (cancelled, replaced, ended): its pool lets it go at once.
	 * @param backfillId the backfill
	 */
	record BackfillClosed(String backfillId) implements TicketMessage {

		@Override
		public String subjectId() {
			return this.backfillId;
		}

	}

}
