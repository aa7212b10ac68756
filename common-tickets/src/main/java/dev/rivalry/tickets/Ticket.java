package dev.rivalry.tickets;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a player asked for: the immutable part of a ticket. Its state lives beside it in
 * {@link TicketSnapshot}.
 *
 * @param id the ticket id, which carries its pool's hash tag (see {@link TicketIds})
 * @param profile the name of the profile that owns the ticket
 * @param pool the value of the profile's pool key, the unit of ownership in the engine
 * @param players one player, or several for a party that stays on one team
 * @param attributes the attributes the profile filters were tested against
 * @param latencies measured round-trip times in milliseconds by region, possibly empty
 * @param createdAt when the matchmaker accepted the ticket
 * @param expiresAt when the ticket expires if it was not matched or cancelled
 */
public record Ticket(String id, String profile, String pool, List<Player> players, Map<String, Object> attributes,
		Map<String, Integer> latencies, Instant createdAt, Instant expiresAt) {

	public Ticket {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(profile, "profile");
		Objects.requireNonNull(pool, "pool");
		players = List.copyOf(players);
		attributes = (attributes != null) ? Map.copyOf(attributes) : Map.of();
		latencies = (latencies != null) ? Map.copyOf(latencies) : Map.of();
		Objects.requireNonNull(createdAt, "createdAt");
		Objects.requireNonNull(expiresAt, "expiresAt");
	}

	/**
	 * A player on a ticket.
	 *
	 * @param id the player's id, unique within the game, matching {@link #ID}
	 */
	public record Player(String id) {

		/**
		 * What a player id looks like wherever Rivalry takes one (a ticket, a token's
		 * player or party claim): 1 to 128 letters, digits and {@code . _ : @ -}. No slash,
		 * so a player's Redis keys never meet a back end's.
		 */
		public static final String ID = "[A-Za-z0-9._:@-]{1,128}";

		public Player {
			Objects.requireNonNull(id, "id");
		}

	}

}
