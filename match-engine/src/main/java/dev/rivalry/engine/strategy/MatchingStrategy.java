package dev.rivalry.engine.strategy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.rivalry.profiles.Profile;

/**
 * Forms matches from a snapshot of a pool. Implementations are pure and stateless: the
 * same profile, tickets and instant give the same proposals; nothing is remembered
 * between calls and the arguments are not modified; safe to call from several threads.
 * Get one with {@link Strategies#forProfile(Profile)}.
 */
public interface MatchingStrategy {

	/**
	 * Forms as many matches as the pool allows now.
	 * @param profile the pool's profile: teams, strategy, expansions
	 * @param waiting the pool's waiting tickets, oldest first: the list order is the age
	 * priority. Tickets with more players than a team holds are never matched
	 * @param now the instant the expansions are evaluated at
	 * @return the proposals, in the order they were formed (the oldest ticket's first);
	 * every ticket is in at most one; tickets in none keep waiting
	 */
	List<Proposal> form(Profile profile, List<PoolTicket> waiting, Instant now);

	/**
	 * When trying the pool again could form what cannot be formed now: the earliest
	 * instant after {@code now} at which a waiting ticket's rating spread or latency bound
	 * widens ({@link Profile#nextExpansionAfter}). Until then, and unless tickets arrive or
	 * leave, {@link #form} gives the same result, so the engine schedules rather than polls.
	 * @param profile the pool's profile
	 * @param waiting the tickets still waiting (e.g. those {@link #form} left)
	 * @param now the current instant
	 * @return that instant, or empty when no waiting ticket's constraints will widen
	 */
	default Optional<Instant> nextChance(Profile profile, List<PoolTicket> waiting, Instant now) {
		return Limits.of(profile.strategy()).nextChance(waiting, now);
	}

}
