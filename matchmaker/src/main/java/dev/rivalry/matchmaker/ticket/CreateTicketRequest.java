package dev.rivalry.matchmaker.ticket;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /v1/tickets}, as it was read: any field may be null or out of
 * bounds until {@link TicketSchema} checked it.
 *
 * @param players one player, or a party that will play on one team
 * @param attributes what the profiles' filters are tested against (e.g. mode, region)
 * @param latencies measured round trips in milliseconds by region, optional
 * @param requestId an idempotency key: the same key (for the same first player) returns
 * the same ticket, published once
 */
record CreateTicketRequest(List<PlayerRequest> players, Map<String, Object> attributes,
		Map<String, Integer> latencies, String requestId) {

	/**
	 * A player on the ticket.
	 * @param id the player's id
	 */
	record PlayerRequest(String id) {
	}

}
