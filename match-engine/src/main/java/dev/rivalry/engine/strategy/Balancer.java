package dev.rivalry.engine.strategy;

/**
 * Spreads a full match's tickets over its teams so that the teams' summed ratings are
 * as close as possible, keeping every party whole and every team exactly full.
 * <p>
 * Two teams of at most {@value #EXACT_LIMIT} tickets (a 5v5 of solos has 10) are split
 * exactly: the split with the smallest difference. Otherwise the largest parties are
 * dealt first, each to the weakest team that has room (falling back to the packing
 * when that does not fit), and then pairs of equally large parties on different teams
 * are swapped while that brings the two teams closer.
 */
final class Balancer {

	static final int EXACT_LIMIT = 12;

	private static final int SWAP_PASSES = 8;

	private final int teams;

	private final int teamSize;

	private final double[] sums;

	private final int[] free;

	private final int[] order;

	private final int[] dealt;

	private double total;

	private double bestDifference;

	private int bestMask;

	Balancer(int teams, int teamSize) {
		this.teams = teams;
		this.teamSize = teamSize;
		this.sums = new double[teams];
		this.free = new int[teams];
		this.order = new int[teams * teamSize];
		this.dealt = new int[teams * teamSize];
	}

	void balance(Packer match, int[] size, double[] ratingSum) {
		if (this.teams == 1) {
			return;
		}
		if (this.teams == 2 && match.count <= EXACT_LIMIT) {
			splitExactly(match, size, ratingSum);
			return;
		}
		if (deal(match, size, ratingSum) && spread(this.dealt, match, ratingSum) < spread(match.teamOf, match, ratingSum)) {
			System.arraycopy(this.dealt, 0, match.teamOf, 0, match.count);
		}
		swap(match, size, ratingSum);
	}

	private void splitExactly(Packer match, int[] size, double[] ratingSum) {
		this.total = 0;
		int restPlayers = 0;
		for (int i = 0; i < match.count; i++) {
			this.total += ratingSum[match.members[i]];
			restPlayers += (i > 0) ? size[match.members[i]] : 0;
		}
		this.bestDifference = Double.POSITIVE_INFINITY;
		this.bestMask = 0;
		int first = match.members[0];
		split(match, size, ratingSum, 1, this.teamSize - size[first], ratingSum[first], 1, restPlayers);
		for (int i = 0; i < match.count; i++) {
			match.teamOf[i] = ((this.bestMask & (1 << i)) != 0) ? 0 : 1;
		}
	}

	/** Chooses the members of team 0 (which holds member 0, as the teams are interchangeable). */
	private void split(Packer match, int[] size, double[] ratingSum, int i, int need, double sum, int mask,
			int restPlayers) {
		if (need == 0) {
			double difference = Math.abs(this.total - 2 * sum);
			if (difference < this.bestDifference) {
				this.bestDifference = difference;
				this.bestMask = mask;
			}
			return;
		}
		if (i == match.count || restPlayers < need) {
			return;
		}
		int ticket = match.members[i];
		int players = size[ticket];
		if (players <= need) {
			split(match, size, ratingSum, i + 1, need - players, sum + ratingSum[ticket], mask | (1 << i),
					restPlayers - players);
		}
		split(match, size, ratingSum, i + 1, need, sum, mask, restPlayers - players);
	}

	/** Largest parties first (then strongest), each to the weakest team with room. */
	private boolean deal(Packer match, int[] size, double[] ratingSum) {
		for (int i = 0; i < match.count; i++) {
			int j = i;
			while (j > 0 && dealtBefore(match.members[i], match.members[this.order[j - 1]], size, ratingSum)) {
				this.order[j] = this.order[j - 1];
				j--;
			}
			this.order[j] = i;
		}
		for (int t = 0; t < this.teams; t++) {
			this.sums[t] = 0;
			this.free[t] = this.teamSize;
		}
		for (int n = 0; n < match.count; n++) {
			int i = this.order[n];
			int ticket = match.members[i];
			int team = -1;
			for (int t = 0; t < this.teams; t++) {
				if (this.free[t] >= size[ticket] && (team < 0 || this.sums[t] < this.sums[team])) {
					team = t;
				}
			}
			if (team < 0) {
				return false;
			}
			this.dealt[i] = team;
			this.free[team] -= size[ticket];
			this.sums[team] += ratingSum[ticket];
		}
		return true;
	}

	private static boolean dealtBefore(int a, int b, int[] size, double[] ratingSum) {
		return size[a] > size[b] || (size[a] == size[b] && ratingSum[a] > ratingSum[b]);
	}

	/** Swaps equally large parties between two teams while that narrows their difference. */
	private void swap(Packer match, int[] size, double[] ratingSum) {
		sum(match.teamOf, match, ratingSum);
		for (int pass = 0; pass < SWAP_PASSES; pass++) {
			boolean improved = false;
			for (int i = 0; i < match.count; i++) {
				for (int j = i + 1; j < match.count; j++) {
					int a = match.teamOf[i];
					int b = match.teamOf[j];
					int x = match.members[i];
					int y = match.members[j];
					if (a == b || size[x] != size[y]) {
						continue;
					}
					double moved = ratingSum[y] - ratingSum[x];
					double before = Math.abs(this.sums[a] - this.sums[b]);
					double after = Math.abs(this.sums[a] + moved - (this.sums[b] - moved));
					if (after < before - 1e-9) {
						match.teamOf[i] = b;
						match.teamOf[j] = a;
						this.sums[a] += moved;
						this.sums[b] -= moved;
						improved = true;
					}
				}
			}
			if (!improved) {
				return;
			}
		}
	}

	private double spread(int[] teamOf, Packer match, double[] ratingSum) {
		sum(teamOf, match, ratingSum);
		double low = Double.POSITIVE_INFINITY;
		double high = Double.NEGATIVE_INFINITY;
		for (int t = 0; t < this.teams; t++) {
			low = Math.min(low, this.sums[t]);
			high = Math.max(high, this.sums[t]);
		}
		return high - low;
	}

	private void sum(int[] teamOf, Packer match, double[] ratingSum) {
		for (int t = 0; t < this.teams; t++) {
			this.sums[t] = 0;
		}
		for (int i = 0; i < match.count; i++) {
			this.sums[teamOf[i]] += ratingSum[match.members[i]];
		}
	}

}
