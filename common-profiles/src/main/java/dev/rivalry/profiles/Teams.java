package dev.rivalry.profiles;

/**
 * How many teams a match has and how many players each.
 *
 * @param count number of teams, 1 or more (1 is a single co-operative team)
 * @param size players per team, 1 or more
 */
public record Teams(int count, int size) {

	/** Upper bound of {@link #playersPerMatch()}, a guard against typos such as {@code size: 500}. */
	public static final int MAX_PLAYERS_PER_MATCH = 1000;

	public Teams {
		if (count < 1) {
			throw new IllegalArgumentException("teams.count must be >= 1, not " + count);
		}
		if (size < 1) {
			throw new IllegalArgumentException("teams.size must be >= 1, not " + size);
		}
		if ((long) count * size > MAX_PLAYERS_PER_MATCH) {
			throw new IllegalArgumentException("teams.count * teams.size must be <= " + MAX_PLAYERS_PER_MATCH
					+ ", not " + ((long) count * size));
		}
	}

	/** @return {@code count * size} */
	public int playersPerMatch() {
		return this.count * this.size;
	}

}
