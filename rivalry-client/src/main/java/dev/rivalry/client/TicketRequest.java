package dev.rivalry.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of {@code POST /v1/tickets} (docs/api.md, "Tickets").
 *
 * @param players the party, the caller among them; several players play on one team
 * @param attributes what the profiles' filters test (e.g. {@code mode}, {@code region})
 * @param latencies milliseconds by region, or empty
 * @param requestId the idempotency key: the same key from the same caller gives the same
 * ticket, created once; {@code null} for none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketRequest(List<Player> players, Map<String, Object> attributes, Map<String, Integer> latencies,
		String requestId) {

	public TicketRequest {
		players = List.copyOf(players);
		attributes = Map.copyOf(attributes);
		latencies = (latencies != null) ? Map.copyOf(latencies) : Map.of();
	}

	/** @return a request for these players (the first is usually the caller) with these attributes */
	public static TicketRequest of(List<String> players, Map<String, Object> attributes) {
		return new TicketRequest(players.stream().map(Player::new).toList(), attributes, Map.of(), null);
	}

	/** @return this request with an idempotency key: retrying it can never queue the party twice */
	public TicketRequest withRequestId(String requestId) {
		return new TicketRequest(this.players, this.attributes, this.latencies, requestId);
	}

	/** @return this request with the players' latencies by region */
	public TicketRequest withLatencies(Map<String, Integer> latencies) {
		return new TicketRequest(this.players, this.attributes, latencies, this.requestId);
	}

	/** A player on a ticket. */
	public record Player(String id) {

		public Player {
			Objects.requireNonNull(id, "id");
		}

	}

}
