package dev.rivalry.engine.strategy;

import java.util.List;

/**
 * Waiting tickets chosen for an open backfill, each on a team with room for its whole party.
 * The engine still has to write them (a ticket cancelled, or the backfill changed, drops
 * the fill). Immutable.
 *
 * @param backfill the backfill
 * @param seats the tickets and the team each joins, in the order they were chosen
 */
public record BackfillFill(OpenBackfill backfill, List<Seat> seats) {

	public BackfillFill {
		seats = List.copyOf(seats);
	}

	/** @return the chosen tickets */
	public List<PoolTicket> tickets() {
		return this.seats.stream().map(Seat::ticket).toList();
	}

	/**
	 * @param ticket a waiting ticket
	 * @param team the index of the team all of its players join
	 */
	public record Seat(PoolTicket ticket, int team) {
	}

}
