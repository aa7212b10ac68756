package dev.rivalry.bench.load;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * What the generated players queue for. Each scenario's tickets fall in one profile of
 * {@code bench/profiles.yml} (the default profiles plus a first-come duel).
 */
public enum Scenario {

	/** 1v1, first come first served: the cheapest matching there is. */
	DUEL_FIRST_COME("duel-first-come", "duel-first-come", new int[] { 100 }),

	/** 1v1 by rating with widening spreads (the default {@code duel} profile). */
	DUEL_RATING("duel-rating", "duel", new int[] { 100 }),

	/**
	 * 5v5 by rating, balanced teams, parties: 55 % solos, then parties of 2, 3, 4 and 5
	 * players 18, 12, 9 and 6 % of the tickets (the squad pool of the JMH benchmark).
	 */
	SQUAD("squad", "squad", new int[] { 55, 18, 12, 9, 6 }),

	/**
	 * 1v1 by rating with a ready check (the default {@code arena} profile): every match is
	 * proposed and each player answers ({@code --accept} share accepts, the rest decline).
	 */
	ARENA("arena", "arena", new int[] { 100 }),

	/**
	 * Tickets that are never matched (each in a pool of its own), so their event streams
	 * stay open: how many concurrent streams one matchmaker holds. The drain's end cancels
	 * them all, and every stream must then deliver {@code CANCELLED}.
	 */
	SSE_HOLD("sse-hold", "hold", new int[] { 100 });

	private final String id;

	private final String profile;

	/** Percent of tickets by party size: index 0 is a solo. */
	private final int[] partyPercents;

	Scenario(String id, String profile, int[] partyPercents) {
		this.id = id;
		this.profile = profile;
		this.partyPercents = partyPercents;
	}

	/** @return the name used on the command line and in reports */
	public String id() {
		return this.id;
	}

	/** @return the match profile its tickets belong to */
	public String profile() {
		return this.profile;
	}

	/** @return the attributes of ticket {@code index}: they select {@link #profile()}, in the given region */
	Map<String, Object> attributes(String region, long index) {
		// A pool of its own for every held ticket: nobody to match with.
		return Map.of("mode", this.profile, "region", (this == SSE_HOLD) ? region + "-" + index : region);
	}

	/** @return the number of players on the next ticket */
	int partySize(SplittableRandom random) {
		int roll = random.nextInt(100);
		for (int size = 0; size < this.partyPercents.length; size++) {
			roll -= this.partyPercents[size];
			if (roll < 0) {
				return size + 1;
			}
		}
		return 1;
	}

	/** @return the scenario of that name */
	static Scenario of(String id) {
		return Arrays.stream(values())
			.filter((scenario) -> scenario.id.equals(id))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("--scenario: unknown scenario '" + id + "'; one of "
					+ Arrays.stream(values()).map(Scenario::id).collect(Collectors.joining(", "))));
	}

}
