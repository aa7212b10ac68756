package dev.rivalry.tickets;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.rivalry.tokens.Participant;

/**
 * A formed match, as the engine records it on each of its tickets. Tokens are not part of
 * it: the matchmaker issues each player's match-ID token when it delivers the match.
 *
 * @param id globally unique match id
 * @param profile the profile the match was formed in
 * @param participants every player with the index of the team they play on
 * @param config the profile's opaque configuration, copied into tokens
 * @param game the game, or {@code null} for the default game
 * @param region the region chosen from the players' latencies, or {@code null}
 * @param createdAt when the match was formed
 */
public record Match(String id, String profile, List<Participant> participants, Map<String, Object> config,
		String game, String region, Instant createdAt) {

	public Match {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(profile, "profile");
		participants = List.copyOf(participants);
		config = (config != null) ? Map.copyOf(config) : Map.of();
		Objects.requireNonNull(createdAt, "createdAt");
	}

}
