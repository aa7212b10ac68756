package dev.rivalry.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.rivalry.tokens.Participant;

/**
 * A match the serverlist allocated to a {@link GameServer}: the data of an
 * {@code allocation} event, or the grown roster after a {@code backfill} event.
 *
 * @param matchId the match
 * @param participants the players to expect, with their teams
 * @param config the match's configuration
 * @param startBy the start must be confirmed before this
 */
public record Allocation(String matchId, List<Participant> participants, Map<String, Object> config,
		Instant startBy) {

	public Allocation {
		participants = List.copyOf(participants);
		config = (config != null) ? Map.copyOf(config) : Map.of();
	}

	/** @return how many teams the match has (teams are numbered from 0 in participants) */
	public int teams() {
		return this.participants.stream().mapToInt(Participant::team).max().orElse(-1) + 1;
	}

}
