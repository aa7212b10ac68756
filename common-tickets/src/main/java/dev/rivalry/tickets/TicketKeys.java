package dev.rivalry.tickets;

/**
 * The Redis key and channel layout, under one configurable prefix (so test runs and
 * tenants sharing a server never meet). Keys of one pool carry the pool's hash tag.
 *
 * @param prefix prepended to every key and channel, e.g. {@code rivalry:}
 */
public record TicketKeys(String prefix) {

	public TicketKeys {
		prefix = (prefix != null) ? prefix : "";
	}

	/** The hash holding a ticket: {@code state}, {@code version}, {@code ticket}, {@code match}. */
	public String ticket(String ticketId) {
		String tag = TicketIds.tagOf(ticketId)
			.orElseThrow(() -> new IllegalArgumentException("Malformed ticket id"));
		return this.prefix + "t:{" + tag + "}:" + ticketId;
	}

	/** The formed match, in its pool's slot: match ids carry the pool's hash tag too. */
	public String match(String matchId) {
		String tag = TicketIds.tagOf(matchId).orElseThrow(() -> new IllegalArgumentException("Malformed match id"));
		return this.prefix + "m:{" + tag + "}:" + matchId;
	}

	/** The pub/sub channel on which each change of a ticket is published. */
	public String channel(String ticketId) {
		return channelPrefix() + ticketId;
	}

	public String channelPrefix() {
		return this.prefix + "ticket:";
	}

	/** Holds the id of a player's active ticket in a profile. */
	public String activeTicket(String profile, String playerId) {
		return this.prefix + "player:" + profile + ":" + playerId;
	}

	/** Remembers which ticket an idempotency key created, per player. */
	public String request(String playerId, String requestId) {
		return this.prefix + "request:" + playerId + ":" + requestId;
	}

	/** Sorted set of searching tickets scored by expiry time in epoch milliseconds. */
	public String expiring() {
		return this.prefix + "expiring";
	}

}
