package dev.rivalry.engine.pool;

import java.util.List;

import dev.rivalry.engine.strategy.PoolPlayer;
import dev.rivalry.engine.strategy.PoolTicket;
import dev.rivalry.profiles.Profile;
import dev.rivalry.profiles.Strategy;
import dev.rivalry.tickets.Ticket;

/**
 * Applies a partition's records to its pools, in order: a searching ticket enters its
 * pool, a cancel takes it out, anything else only moves the partition's position.
 */
public class Pools {

	/** The rating of a player the engine knows nothing about (the OpenSkill default ordinal scaled). */
	static final double DEFAULT_RATING = 1500;

	private final PoolMatcher matcher;

	public Pools(PoolMatcher matcher) {
		this.matcher = matcher;
	}

	public void admit(PartitionPool partition, Ticket ticket, long offset) {
		Profile profile = partition.profile();
		double rating = ratingOf(profile, ticket);
		List<PoolPlayer> players = ticket.players().stream().map((p) -> new PoolPlayer(p.id(), rating)).toList();
		PoolTicket entry = new PoolTicket(ticket.id(), players, ticket.latencies(), ticket.createdAt());
		Pool pool = partition.add(ticket.pool(), new PoolEntry(entry, offset, ticket.expiresAt()));
		partition.advance(offset);
		this.matcher.poolChanged(partition, pool);
	}

	public void cancel(PartitionPool partition, String ticketId, long offset) {
		partition.removeEverywhere(ticketId);
		partition.advance(offset);
	}

	public void skip(PartitionPool partition, long offset) {
		partition.advance(offset);
	}

	/**
	 * A client-supplied rating where the profile explicitly allows one; otherwise the
	 * default until the rating store feeds the engine.
	 */
	private static double ratingOf(Profile profile, Ticket ticket) {
		if (profile.strategy() instanceof Strategy.Rating rating && rating.ratingAttribute() != null) {
			return rating.ratingOf(ticket.attributes()).orElse(DEFAULT_RATING);
		}
		return DEFAULT_RATING;
	}

}
