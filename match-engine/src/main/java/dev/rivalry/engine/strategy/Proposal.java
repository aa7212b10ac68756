package dev.rivalry.engine.strategy;

import java.util.ArrayList;
import java.util.List;

/**
 * A match a strategy formed: which tickets play on which team, and where. The engine
 * still has to claim the tickets (a ticket cancelled meanwhile drops out). Immutable.
 *
 * @param teams the tickets of each team, in team order; as many teams as the profile's
 * {@code teams.count}, each with exactly {@code teams.size} players
 * @param region the region chosen from the tickets' latencies, or null when the profile
 * does not choose regions or no ticket of the match measured any latency
 */
public record Proposal(List<List<PoolTicket>> teams, String region) {

	@SuppressWarnings("unchecked")
	public Proposal {
		List<PoolTicket>[] copies = new List[teams.size()];
		for (int i = 0; i < copies.length; i++) {
			// no copy when the team is already an unmodifiable list, as the strategies' are
			copies[i] = List.copyOf(teams.get(i));
		}
		teams = List.of(copies);
	}

	/** @return every ticket of the match, team by team, in a new list */
	public List<PoolTicket> tickets() {
		List<PoolTicket> tickets = new ArrayList<>();
		for (List<PoolTicket> team : this.teams) {
			tickets.addAll(team);
		}
		return tickets;
	}

}
