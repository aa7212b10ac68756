package dev.rivalry.engine.pool;

import java.util.List;
import java.util.Map;

import dev.rivalry.engine.strategy.PoolPlayer;
import dev.rivalry.engine.strategy.PoolTicket;
import dev.rivalry.profiles.Profile;
import dev.rivalry.profiles.Strategy;
import dev.rivalry.ratings.Rating;
import dev.rivalry.tickets.MatchProposal;
import dev.rivalry.tickets.Ticket;
import dev.rivalry.tickets.backfill.BackfillSnapshot;

/**
 * Applies a partition's records to its pools, in order: a searching ticket enters its
 * pool, a cancel takes it out, anything else only moves the partition's position.
 * <p>
 * A player's rating in a pool is their stored rating's {@code mu} in the profile (see
 * docs/ratings.md), read by the intake before the ticket is admitted. A profile that
 * names a {@code rating-attribute} trusts the client instead: the ticket's value of that
 * attribute is the rating of each of its players.
 */
public class Pools {

	private final PoolMatcher matcher;

	private final double defaultRating;

	/**
	 * @param matcher tries pools that changed
	 * @param defaultRating the rating of a player never rated (the model's initial {@code mu}),
	 * also used where a trusted client supplies none
	 */
	public Pools(PoolMatcher matcher, double defaultRating) {
		this.matcher = matcher;
		this.defaultRating = defaultRating;
	}

	/**
	 * Whether a profile's pools need the players' stored ratings: for the {@code rating}
	 * strategy unless clients supply the rating, and to balance teams.
	 * @param profile the profile
	 * @return whether the intake should read ratings for its tickets
	 */
	public static boolean readsStoredRatings(Profile profile) {
		Strategy strategy = profile.strategy();
		if (strategy instanceof Strategy.Rating rating) {
			return rating.ratingAttribute() == null;
		}
		return strategy.balanceTeams();
	}

	/**
	 * @param partition the ticket's partition
	 * @param ticket a searching ticket
	 * @param offset its record's offset
	 * @param stored the stored ratings of (at least) its players in the partition's
	 * profile, by player id; players missing from it count as never rated
	 */
	public void admit(PartitionPool partition, Ticket ticket, long offset, Map<String, Rating> stored) {
		PoolTicket entry = poolTicket(partition.profile(), ticket, stored);
		Pool pool = partition.add(ticket.pool(), new PoolEntry(entry, offset, ticket.expiresAt()));
		partition.advance(offset);
		this.matcher.poolChanged(partition, pool);
	}

	/**
	 * @param partition the ticket's partition
	 * @param ticket a ticket read again (a replay) while {@code PROPOSED}
	 * @param offset its record's offset
	 * @param stored the stored ratings of its players, as for {@link #admit}
	 * @param proposal the open proposal it is in: it waits reserved until that ends
	 */
	public void admitProposed(PartitionPool partition, Ticket ticket, long offset, Map<String, Rating> stored,
			MatchProposal proposal) {
		PoolTicket entry = poolTicket(partition.profile(), ticket, stored);
		Pool pool = partition.addReserved(ticket.pool(), new PoolEntry(entry, offset, ticket.expiresAt()));
		partition.advance(offset);
		this.matcher.adoptProposed(partition, pool, proposal, entry);
	}

	private PoolTicket poolTicket(Profile profile, Ticket ticket, Map<String, Rating> stored) {
		List<PoolPlayer> players = ticket.players()
			.stream()
			.map((p) -> new PoolPlayer(p.id(), ratingOf(profile, ticket, p.id(), stored)))
			.toList();
		return new PoolTicket(ticket.id(), players, ticket.latencies(), ticket.createdAt());
	}

	/**
	 * @param partition the backfill's partition
	 * @param backfill a searching backfill, as read from Redis
	 * @param offset its record's offset
	 */
	public void openBackfill(PartitionPool partition, BackfillSnapshot backfill, long offset) {
		Pool pool = partition.addBackfill(backfill.backfill().pool(), new BackfillEntry(backfill, offset, false));
		partition.advance(offset);
		this.matcher.poolChanged(partition, pool);
	}

	public void closeBackfill(PartitionPool partition, String backfillId, long offset) {
		partition.removeBackfillEverywhere(backfillId);
		partition.advance(offset);
	}

	public void cancel(PartitionPool partition, String ticketId, long offset) {
		partition.removeEverywhere(ticketId);
		partition.advance(offset);
	}

	public void skip(PartitionPool partition, long offset) {
		partition.advance(offset);
	}

	private double ratingOf(Profile profile, Ticket ticket, String playerId, Map<String, Rating> stored) {
		if (profile.strategy() instanceof Strategy.Rating rating && rating.ratingAttribute() != null) {
			return rating.ratingOf(ticket.attributes()).orElse(this.defaultRating);
		}
		Rating rating = stored.get(playerId);
		return (rating != null) ? rating.mu() : this.defaultRating;
	}

}
