package dev.rivalry.engine.strategy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A ticket waiting in a pool. A ticket with several players is a party: it always plays
 * on one team. Immutable.
 *
 * @param id the ticket's id, never null
 * @param players one or more players
 * @param latencies measured latency in milliseconds per region, zero or more; empty when
 * the ticket measured none (it then fits any region)
 * @param enqueuedAt when the ticket started waiting: the clock of its expansions
 */
public record PoolTicket(String id, List<PoolPlayer> players, Map<String, Integer> latencies, Instant enqueuedAt) {

	public PoolTicket {
		Objects.requireNonNull(id, "id");
		players = List.copyOf(players);
		latencies = Map.copyOf(latencies);
		Objects.requireNonNull(enqueuedAt, "enqueuedAt");
		if (players.isEmpty()) {
			throw new IllegalArgumentException("ticket '" + id + "' has no players");
		}
		for (Integer latency : latencies.values()) {
			if (latency < 0) {
				throw new IllegalArgumentException("ticket '" + id + "' has a negative latency: " + latencies);
			}
		}
	}

	/** @return the number of players on the ticket, 1 or more */
	public int size() {
		return this.players.size();
	}

	/** @return the ticket's rating: the mean of its players' ratings */
	public double rating() {
		double sum = 0;
		for (PoolPlayer player : this.players) {
			sum += player.rating();
		}
		return sum / this.players.size();
	}

}
