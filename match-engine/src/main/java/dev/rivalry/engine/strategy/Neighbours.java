package dev.rivalry.engine.strategy;

/**
 * A rating leader's unmatched neighbours within its spread, nearest first on each side,
 * and the two ways of building a match from them: the greedy nearest-first fill, and the
 * exact search over the windows one spread wide. Reused from leader to leader.
 */
final class Neighbours {

	private final Round round;

	private final int reach;

	/** Lower-rated neighbours, nearest first. */
	private final int[] below;

	/** Higher-rated neighbours, nearest first. */
	private final int[] above;

	private int belowCount;

	private int aboveCount;

	/** Below (reversed), leader, above: ascending ratings. */
	private final int[] window;

	private final int[] players;

	private final int[] candidates;

	private final Compositions compositions;

	private int leader;

	private double spread;

	Neighbours(Round round, int reach) {
		this.round = round;
		this.reach = reach;
		this.below = new int[reach];
		this.above = new int[reach];
		this.window = new int[2 * reach + 1];
		this.players = new int[2 * reach + 2];
		this.candidates = new int[2 * reach];
		this.compositions = new Compositions(round.teams, round.teamSize);
	}

	/**
	 * Collects the leader's neighbours in the lane whose ratings are within the spread.
	 * @return whether they have enough players, with the leader's, for a match
	 */
	boolean gather(RatingLists lists, int lane, int leader, double spread) {
		double[] rating = this.round.rating;
		int[] size = this.round.size;
		this.leader = leader;
		this.spread = spread;
		double own = rating[leader];
		int players = size[leader];
		this.belowCount = 0;
		for (int x = lists.previous(lane, leader); x >= 0 && this.belowCount < this.reach
				&& own - rating[x] <= spread; x = lists.previous(lane, x)) {
			this.below[this.belowCount++] = x;
			players += size[x];
		}
		this.aboveCount = 0;
		for (int x = lists.next(lane, leader); x >= 0 && this.aboveCount < this.reach
				&& rating[x] - own <= spread; x = lists.next(lane, x)) {
			this.above[this.aboveCount++] = x;
			players += size[x];
		}
		return players >= this.round.seats;
	}

	/**
	 * Nearest first; a party that does not fit is passed over, and a side closes when its
	 * next rating would widen the match beyond the spread (every later one would too).
	 */
	boolean fill(Packer match) {
		double[] rating = this.round.rating;
		int[] size = this.round.size;
		double own = rating[this.leader];
		match.clear();
		match.put(this.leader, size[this.leader], 0);
		match.rate(own);
		int i = 0;
		int j = 0;
		boolean belowOpen = true;
		boolean aboveOpen = true;
		while (!match.full()) {
			boolean canBelow = belowOpen && i < this.belowCount;
			boolean canAbove = aboveOpen && j < this.aboveCount;
			if (!canBelow && !canAbove) {
				return false;
			}
			boolean takeBelow = canBelow
					&& (!canAbove || own - rating[this.below[i]] <= rating[this.above[j]] - own);
			int x = takeBelow ? this.below[i] : this.above[j];
			double rx = rating[x];
			if (Math.max(match.high, rx) - Math.min(match.low, rx) > this.spread) {
				belowOpen &= !takeBelow;
				aboveOpen &= takeBelow;
				continue;
			}
			if (match.place(x, size[x])) {
				match.rate(rx);
			}
			i += takeBelow ? 1 : 0;
			j += takeBelow ? 0 : 1;
		}
		return true;
	}

	/** Tries each widest window of ratings at most one spread wide that holds the leader. */
	boolean search(Packer match) {
		double[] rating = this.round.rating;
		int[] size = this.round.size;
		int at = this.belowCount;
		int length = this.belowCount + 1 + this.aboveCount;
		for (int k = 0; k < this.belowCount; k++) {
			this.window[at - 1 - k] = this.below[k];
		}
		this.window[at] = this.leader;
		for (int k = 0; k < this.aboveCount; k++) {
			this.window[at + 1 + k] = this.above[k];
		}
		for (int k = 0; k < length; k++) {
			this.players[k + 1] = this.players[k] + size[this.window[k]];
		}
		int end = at;
		int previousEnd = -1;
		this.compositions.allow(Compositions.ALLOWANCE);
		for (int start = 0; start <= at; start++) {
			while (end + 1 < length && rating[this.window[end + 1]] - rating[this.window[start]] <= this.spread) {
				end++;
			}
			if (end == previousEnd) {
				continue;
			}
			previousEnd = end;
			if (this.players[end + 1] - this.players[start] < this.round.seats) {
				continue;
			}
			int count = nearestFirst(at - start, end - at);
			if (this.compositions.search(this.round, match, this.leader, this.candidates, count)) {
				for (int k = 0; k < match.count; k++) {
					match.rate(rating[match.members[k]]);
				}
				return true;
			}
		}
		return false;
	}

	/** Merges the nearest {@code belowCount} and {@code aboveCount} neighbours by distance. */
	private int nearestFirst(int belowCount, int aboveCount) {
		double[] rating = this.round.rating;
		double own = rating[this.leader];
		int i = 0;
		int j = 0;
		int count = 0;
		while (i < belowCount || j < aboveCount) {
			boolean takeBelow = i < belowCount
					&& (j >= aboveCount || own - rating[this.below[i]] <= rating[this.above[j]] - own);
			this.candidates[count++] = takeBelow ? this.below[i++] : this.above[j++];
		}
		return count;
	}

}
