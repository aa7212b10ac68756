package dev.rivalry.engine.strategy;

/**
 * The exact search behind the greedy packing: when placing tickets one by one in
 * preference order gets stuck (say 2×5 seats and parties of 2, 2, 3, 3: best fit puts
 * both 2s on one team), this finds how many parties of each size each team needs.
 * <p>
 * Parties of one size are interchangeable for fitting, so it searches team
 * compositions (multisets of party sizes summing to the team size), not tickets, and then
 * takes for each size the most preferred candidates. Among the possible matches it picks
 * one using the shortest prefix of the candidates (binary search: fitting only gets
 * easier with more candidates), so the oldest (or closest) tickets go first. The search
 * is bounded: {@link #allow} sets how many steps the searches of one leading ticket may
 * take together (a 5v5 needs a few dozen); past that it reports no match, which only
 * delays one, and keeps a pool of huge teams from costing more than that per ticket.
 */
final class Compositions {

	/** Steps allowed for the searches around one leading ticket. */
	static final int ALLOWANCE = 20_000;

	private final int teams;

	private final int teamSize;

	/** Candidates still available per party size. */
	private final int[] available;

	/** The party sizes chosen, team after team. */
	private final int[] parts;

	/** Where each team's parts end in {@link #parts}. */
	private final int[] teamEnd;

	/** The best solution found so far: {@link #parts} and {@link #teamEnd} of the shortest prefix. */
	private final int[] bestParts;

	private final int[] bestTeamEnd;

	private final int[] next;

	private int allowance;

	private int availablePlayers;

	Compositions(int teams, int teamSize) {
		this.teams = teams;
		this.teamSize = teamSize;
		this.available = new int[teamSize + 1];
		this.parts = new int[teams * teamSize];
		this.teamEnd = new int[teams];
		this.bestParts = new int[teams * teamSize];
		this.bestTeamEnd = new int[teams];
		this.next = new int[teamSize + 1];
	}

	/** Sets the steps the next searches may take together. */
	void allow(int steps) {
		this.allowance = steps;
	}

	/**
	 * @param round the round, for ticket sizes
	 * @param match receives the match (head on team 0) when one is found
	 * @param head the ticket the match must contain
	 * @param candidates the other tickets that may join, most preferred first
	 * @param count how many candidates
	 * @return whether a match was found
	 */
	boolean search(Round round, Packer match, int head, int[] candidates, int count) {
		int[] size = round.size;
		if (!fits(size, head, candidates, count)) {
			return false;
		}
		keep();
		int low = 0;
		int high = count;
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (fits(size, head, candidates, middle)) {
				high = middle;
				keep();
			}
			else {
				low = middle + 1;
			}
		}
		// the first parts of size k found among the first `high` candidates are the first of that size overall
		match.clear();
		match.put(head, size[head], 0);
		for (int k = 1; k <= this.teamSize; k++) {
			this.next[k] = 0;
		}
		int part = 0;
		for (int team = 0; team < this.teams; team++) {
			for (; part < this.bestTeamEnd[team]; part++) {
				int k = this.bestParts[part];
				int i = this.next[k];
				while (size[candidates[i]] != k) {
					i++;
				}
				match.put(candidates[i], k, team);
				this.next[k] = i + 1;
			}
		}
		return true;
	}

	private void keep() {
		System.arraycopy(this.parts, 0, this.bestParts, 0, this.parts.length);
		System.arraycopy(this.teamEnd, 0, this.bestTeamEnd, 0, this.teams);
	}

	/** Whether the head and the first {@code prefix} candidates can fill every team. */
	private boolean fits(int[] size, int head, int[] candidates, int prefix) {
		for (int k = 1; k <= this.teamSize; k++) {
			this.available[k] = 0;
		}
		this.availablePlayers = 0;
		for (int i = 0; i < prefix; i++) {
			this.available[size[candidates[i]]]++;
			this.availablePlayers += size[candidates[i]];
		}
		return fill(0, this.teamSize - size[head], this.teamSize, 0, (this.teams - 1) * this.teamSize);
	}

	/**
	 * Depth-first over party sizes, largest first within a team (each multiset once).
	 * Teams after the first are interchangeable, so their largest parties never increase
	 * from one team to the next.
	 * @param seatsAfter free seats of the teams after this one
	 */
	private boolean fill(int team, int free, int largest, int depth, int seatsAfter) {
		if (--this.allowance < 0 || this.availablePlayers < free + seatsAfter) {
			return false;
		}
		if (free == 0) {
			this.teamEnd[team] = depth;
			if (team == this.teams - 1) {
				return true;
			}
			int first = (team == 0) ? this.teamSize : this.parts[this.teamEnd[team - 1]];
			return fill(team + 1, this.teamSize, first, depth, seatsAfter - this.teamSize);
		}
		for (int k = Math.min(free, largest); k >= 1; k--) {
			if (this.available[k] > 0) {
				this.available[k]--;
				this.availablePlayers -= k;
				this.parts[depth] = k;
				boolean found = fill(team, free - k, k, depth + 1, seatsAfter);
				this.available[k]++;
				this.availablePlayers += k;
				if (found) {
					return true;
				}
			}
		}
		return false;
	}

}
