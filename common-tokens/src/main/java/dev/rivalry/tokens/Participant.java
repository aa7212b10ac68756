package dev.rivalry.tokens;

/**
 * One expected participant of a match, an element of the {@code participants} claim.
 *
 * @param id the player's id, never blank
 * @param team the index of the player's team in the match's team order, never negative
 */
public record Participant(String id, int team) {

	public Participant {
		Preconditions.text(id, "participant id");
		if (team < 0) {
			throw new IllegalArgumentException("participant team must not be negative");
		}
	}

}
