package dev.rivalry.tickets;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A match waiting for its players to accept it (a profile with {@code acceptance}), as each
 * of its tickets shows it while {@link TicketState#PROPOSED}. Every ticket of the proposal
 * shows the same form, so each sees the others' answers arrive.
 *
 * @param id the proposal's id; it carries the pool's hash tag like the tickets' ids
 * @param expiresAt the deadline: players who have not accepted by then are dropped
 * @param players how many players the proposed match has
 * @param accepted the players who accepted so far, in the order they answered
 */
public record MatchProposal(String id, Instant expiresAt, int players, List<String> accepted) {

	public MatchProposal {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(expiresAt, "expiresAt");
		accepted = (accepted != null) ? List.copyOf(accepted) : List.of();
	}

}
