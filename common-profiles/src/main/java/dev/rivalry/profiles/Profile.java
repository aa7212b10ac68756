package dev.rivalry.profiles;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.rivalry.profiles.filter.Filter;

/**
 * A match profile: which tickets it owns, how many teams of which size its matches have,
 * and how the engine forms them. Immutable; the helpers never throw on odd attributes.
 *
 * @param name {@code ^[a-z0-9][a-z0-9-]{0,62}$}, as it ends the ticket topic
 * {@code rivalry.tickets.<name>}
 * @param filter which tickets the profile owns; {@link Filter#matchAll()} when the file
 * gives none
 * @param teams team count and size
 * @param strategy how matches are formed
 * @param poolKey the attribute that partitions the pool, or null for a single pool
 * {@value #DEFAULT_POOL}
 * @param batchWindow how long the engine gathers tickets before trying a pool, zero or
 * more (default 100 ms)
 * @param ticketTtl how long a ticket may search before it expires, positive (default 5 min)
 * @param config opaque values copied into matches and tokens, unmodifiable, never null
 * @param game the game the servers must run, or null
 * @param backfillPriority how long a waiting ticket must have waited before an open
 * backfill takes it ahead of forming a new match, zero or more (default zero: at once).
 * Younger tickets go to a backfill only when no new match can use them
 * @param acceptance the ready check its matches go through before they are formed, or
 * {@code null} when they are formed at once
 */
public record Profile(String name, Filter filter, Teams teams, Strategy strategy, PoolKey poolKey,
		Duration batchWindow, Duration ticketTtl, Map<String, Object> config, String game, Duration backfillPriority,
		Acceptance acceptance) {

	/** What a valid profile name looks like: it becomes part of a Kafka topic name. */
	public static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");

	/** The pool of tickets whose profile has no pool key, or that lack its attribute. */
	public static final String DEFAULT_POOL = "default";

	/** Prefix of each profile's ticket topic. */
	public static final String TICKET_TOPIC_PREFIX = "rivalry.tickets.";

	public Profile {
		Objects.requireNonNull(name, "name");
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("profile name '" + name + "' must match " + NAME.pattern());
		}
		Objects.requireNonNull(filter, "filter");
		Objects.requireNonNull(teams, "teams");
		Objects.requireNonNull(strategy, "strategy");
		Objects.requireNonNull(batchWindow, "batchWindow");
		Objects.requireNonNull(ticketTtl, "ticketTtl");
		Objects.requireNonNull(config, "config");
		if (batchWindow.isNegative()) {
			throw new IllegalArgumentException("batch-window must not be negative");
		}
		if (ticketTtl.isNegative() || ticketTtl.isZero()) {
			throw new IllegalArgumentException("ticket-ttl must be positive");
		}
		if (strategy.maxPartySize() > teams.size()) {
			throw new IllegalArgumentException("parties.max-size (" + strategy.maxPartySize()
					+ ") must be <= teams.size (" + teams.size() + ")");
		}
		config = PlainData.unmodifiable(config);
		backfillPriority = (backfillPriority != null) ? backfillPriority : Duration.ZERO;
		if (backfillPriority.isNegative()) {
			throw new IllegalArgumentException("backfill-priority must not be negative");
		}
	}

	/** A profile whose backfills take waiting tickets at once. */
	public Profile(String name, Filter filter, Teams teams, Strategy strategy, PoolKey poolKey, Duration batchWindow,
			Duration ticketTtl, Map<String, Object> config, String game) {
		this(name, filter, teams, strategy, poolKey, batchWindow, ticketTtl, config, game, Duration.ZERO, null);
	}

	/** @return the same profile with another ready check, or none */
	public Profile withAcceptance(Acceptance next) {
		return new Profile(this.name, this.filter, this.teams, this.strategy, this.poolKey, this.batchWindow,
				this.ticketTtl, this.config, this.game, this.backfillPriority, next);
	}

	/** @return the same profile with another backfill priority */
	public Profile withBackfillPriority(Duration next) {
		return new Profile(this.name, this.filter, this.teams, this.strategy, this.poolKey, this.batchWindow,
				this.ticketTtl, this.config, this.game, next, this.acceptance);
	}

	/**
	 * Whether this profile owns a ticket: its filter matches and, when the pool key is
	 * required, the ticket has a usable value for it.
	 * @param attributes the ticket's attributes
	 * @return whether the profile matches
	 */
	public boolean matches(Map<String, ?> attributes) {
		return this.filter.matches(attributes)
				&& (this.poolKey == null || !this.poolKey.required() || this.poolKey.valueOf(attributes) != null);
	}

	/** @return {@code teams.count * teams.size} */
	public int playersPerMatch() {
		return this.teams.playersPerMatch();
	}

	/**
	 * The pool a ticket belongs to.
	 * @param attributes the ticket's attributes
	 * @return the pool key's value (see {@link PoolKey#valueOf}), or {@value #DEFAULT_POOL}
	 */
	public String poolKeyOf(Map<String, ?> attributes) {
		String pool = (this.poolKey != null) ? this.poolKey.valueOf(attributes) : null;
		return (pool != null) ? pool : DEFAULT_POOL;
	}

	/**
	 * Whether a ticket of this many players may enter this profile.
	 * @param players players on the ticket
	 * @return whether {@code 1 <= players <= strategy.maxPartySize()}
	 */
	public boolean admitsParty(int players) {
		return players >= 1 && players <= this.strategy.maxPartySize();
	}

	/**
	 * @param waited how long a ticket has waited
	 * @return the rating spread allowed now; positive infinity for {@code first-come} or a
	 * rating strategy without expansions
	 */
	public double ratingSpreadAfter(Duration waited) {
		return (this.strategy instanceof Strategy.Rating rating) ? rating.spreadAfter(waited) : Double.POSITIVE_INFINITY;
	}

	/**
	 * @param waited how long a ticket has waited
	 * @return the latency bound for choosing a region now, or empty when the profile does
	 * not choose regions by latency
	 */
	public Optional<Duration> maxLatencyAfter(Duration waited) {
		RegionSelection region = this.strategy.region();
		return (region != null) ? Optional.of(region.maxLatencyAfter(waited)) : Optional.empty();
	}

	/**
	 * When a waiting ticket's constraints next widen, so the engine can try its pool again
	 * then rather than poll.
	 * @param waited how long the ticket has waited
	 * @return the earliest rating or latency expansion later than {@code waited}, or empty
	 */
	public Optional<Duration> nextExpansionAfter(Duration waited) {
		Duration next = null;
		if (this.strategy instanceof Strategy.Rating rating) {
			for (Strategy.Expansion expansion : rating.expansions()) {
				next = earlier(next, expansion.after(), waited);
			}
		}
		if (this.strategy.region() != null) {
			for (RegionSelection.LatencyExpansion expansion : this.strategy.region().latencyExpansions()) {
				next = earlier(next, expansion.after(), waited);
			}
		}
		return Optional.ofNullable(next);
	}

	private static Duration earlier(Duration best, Duration candidate, Duration waited) {
		if (candidate.compareTo(waited) <= 0) {
			return best;
		}
		return (best == null || candidate.compareTo(best) < 0) ? candidate : best;
	}

	/** @return {@code rivalry.tickets.<name>} */
	public String ticketTopic() {
		return TICKET_TOPIC_PREFIX + this.name;
	}

}
