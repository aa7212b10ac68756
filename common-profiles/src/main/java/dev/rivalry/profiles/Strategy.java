package dev.rivalry.profiles;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

import dev.rivalry.profiles.filter.FieldPath;

/**
 * How the engine forms matches from a pool: {@link FirstCome} or {@link Rating}. Both
 * keep parties together on one team and may balance teams and choose a region.
 */
public sealed interface Strategy {

	/** @return the name used in the profile file: {@code first-come} or {@code rating} */
	String type();

	/**
	 * @return the largest party (players on one ticket) accepted, between 1 and the
	 * team size; a larger ticket is refused when it is created
	 */
	int maxPartySize();

	/** @return whether the engine should spread players over teams by rating */
	boolean balanceTeams();

	/** @return how tickets' measured latencies choose a region, or null when they do not */
	RegionSelection region();

	/**
	 * Oldest tickets first, no rating constraint.
	 *
	 * @param maxPartySize see {@link Strategy#maxPartySize()}
	 * @param balanceTeams see {@link Strategy#balanceTeams()}
	 * @param region see {@link Strategy#region()}, may be null
	 */
	record FirstCome(int maxPartySize, boolean balanceTeams, RegionSelection region) implements Strategy {

		public static final String TYPE = "first-come";

		public FirstCome {
			requirePositive(maxPartySize);
		}

		@Override
		public String type() {
			return TYPE;
		}

	}

	/**
	 * Players whose ratings lie within a spread that widens with the time they have waited
	 * (FlexMatch-style expansions).
	 *
	 * @param expansions the spread over time: strictly increasing {@code after}, the first
	 * one at zero, non-decreasing spreads; empty means no limit on the spread
	 * @param ratingAttribute the ticket attribute clients may supply as the rating, or
	 * null when ratings come from the server's rating store
	 * @param maxPartySize see {@link Strategy#maxPartySize()}
	 * @param balanceTeams see {@link Strategy#balanceTeams()}
	 * @param region see {@link Strategy#region()}, may be null
	 */
	record Rating(List<Expansion> expansions, FieldPath ratingAttribute, int maxPartySize, boolean balanceTeams,
			RegionSelection region) implements Strategy {

		public static final String TYPE = "rating";

		public Rating {
			expansions = List.copyOf(expansions);
			requirePositive(maxPartySize);
			for (int i = 0; i < expansions.size(); i++) {
				Expansion expansion = expansions.get(i);
				if (i == 0 && !expansion.after().isZero()) {
					throw new IllegalArgumentException("the first expansion must apply after 0s");
				}
				if (i > 0) {
					Expansion previous = expansions.get(i - 1);
					if (expansion.after().compareTo(previous.after()) <= 0) {
						throw new IllegalArgumentException("expansions must have strictly increasing 'after'");
					}
					if (expansion.spread() < previous.spread()) {
						throw new IllegalArgumentException("expansions must not narrow the spread");
					}
				}
			}
		}

		@Override
		public String type() {
			return TYPE;
		}

		/**
		 * The largest rating difference allowed between players of one match.
		 * @param waited how long the oldest ticket concerned has waited
		 * @return the spread of the last expansion that applies, or positive infinity
		 * when there are no expansions
		 */
		public double spreadAfter(Duration waited) {
			for (int i = this.expansions.size() - 1; i >= 0; i--) {
				Expansion expansion = this.expansions.get(i);
				if (expansion.after().compareTo(waited) <= 0) {
					return expansion.spread();
				}
			}
			return this.expansions.isEmpty() ? Double.POSITIVE_INFINITY : this.expansions.get(0).spread();
		}

		/**
		 * The client-supplied rating of a ticket.
		 * @param attributes the ticket's attributes
		 * @return the rating attribute's value when this profile has one and it is a
		 * finite number; empty otherwise
		 */
		public OptionalDouble ratingOf(Map<String, ?> attributes) {
			if (this.ratingAttribute == null) {
				return OptionalDouble.empty();
			}
			Object value = this.ratingAttribute.valueIn(attributes);
			if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
				return OptionalDouble.of(number.doubleValue());
			}
			return OptionalDouble.empty();
		}

	}

	/**
	 * From {@code after} of waiting on, ratings may differ by up to {@code spread}.
	 *
	 * @param after time waited, zero or more
	 * @param spread largest rating difference, zero or more, in the units of the ratings
	 */
	record Expansion(Duration after, double spread) {

		public Expansion {
			Objects.requireNonNull(after, "after");
			if (after.isNegative()) {
				throw new IllegalArgumentException("after must not be negative");
			}
			if (!(spread >= 0) || Double.isInfinite(spread)) {
				throw new IllegalArgumentException("spread must be a finite number >= 0, not " + spread);
			}
		}

	}

	private static void requirePositive(int maxPartySize) {
		if (maxPartySize < 1) {
			throw new IllegalArgumentException("parties.max-size must be >= 1, not " + maxPartySize);
		}
	}

}
