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

	/** The hash holding a backfill, in its match's slot: backfill ids carry the pool's hash tag too. */
	public String backfill(String backfillId) {
		String tag = TicketIds.tagOf(backfillId)
			.orElseThrow(() -> new IllegalArgumentException("Malformed backfill id"));
		return this.prefix + "b:{" + tag + "}:" + backfillId;
	}

	/** Holds the id of a match's open backfill (at most one), in the match's slot. */
	public String openBackfill(String matchId) {
		String tag = TicketIds.tagOf(matchId).orElseThrow(() -> new IllegalArgumentException("Malformed match id"));
		return this.prefix + "mb:{" + tag + "}:" + matchId;
	}

	/** The pub/sub channel of a backfill's changes. */
	public String backfillChannel(String backfillId) {
		return backfillChannelPrefix() + backfillId;
	}

	public String backfillChannelPrefix() {
		return this.prefix + "backfill:";
	}

	/** The hash holding a proposed match, in its pool's slot: proposal ids carry the pool's hash tag. */
	public String proposal(String proposalId) {
		String tag = TicketIds.tagOf(proposalId)
			.orElseThrow(() -> new IllegalArgumentException("Malformed proposal id"));
		return this.prefix + "p:{" + tag + "}:" + proposalId;
	}

	/** The channel on which every proposal that ends is announced to the engines. */
	public String proposalChannel() {
		return this.prefix + "proposals";
	}

	/** Sorted set of proposals scored by deadline in epoch milliseconds, swept by any instance. */
	public String proposalDeadlines() {
		return this.prefix + "proposals:due";
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
