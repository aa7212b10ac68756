package dev.rivalry.tickets;

import dev.rivalry.tickets.backfill.BackfillSnapshot;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON forms of tickets and matches as stored in Redis and published on ticket channels.
 * Thread safe.
 */
public final class TicketCodec {

	private final JsonMapper json;

	public TicketCodec(JsonMapper json) {
		this.json = json;
	}

	public String encode(Ticket ticket) {
		return this.json.writeValueAsString(ticket);
	}

	public String encode(Match match) {
		return this.json.writeValueAsString(match);
	}

	public String encode(TicketMessage message) {
		return this.json.writeValueAsString(message);
	}

	/**
	 * Reads the form rendered by the store's scripts (read and published alike).
	 * @param rendered {@code {"version", "state", "updatedAt", "ticket", "match"}}
	 * @return the snapshot
	 */
	public TicketSnapshot decodeSnapshot(String rendered) {
		return this.json.readValue(rendered, TicketSnapshot.class);
	}

	public Match decodeMatch(String match) {
		return this.json.readValue(match, Match.class);
	}

	/** @return any value of the stored forms (a backfill, its slots, participants) as JSON */
	public String encodeValue(Object value) {
		return this.json.writeValueAsString(value);
	}

	/**
	 * Reads the form rendered by the backfill scripts.
	 * @param rendered {@code {"version", "state", "updatedAt", "backfill", "open", "added"}}
	 * @return the snapshot
	 */
	public BackfillSnapshot decodeBackfill(String rendered) {
		return this.json.readValue(rendered, BackfillSnapshot.class);
	}

	public TicketMessage decodeMessage(String message) {
		return this.json.readValue(message, TicketMessage.class);
	}

}
