package dev.rivalry.engine.strategy;

import java.util.Arrays;

/**
 * The round's tickets in rating order, one doubly linked list per lane, so that a
 * ticket's nearest unmatched neighbours are a step away and matched tickets leave in
 * constant time.
 */
final class RatingLists {

	/** Marks a ticket that is not in a lane's list. */
	private static final int OUT = -2;

	private final int count;

	private final int lanes;

	/** {@code next[lane * count + ticket]}: the next higher-rated ticket, -1 at the end. */
	private final int[] next;

	private final int[] previous;

	RatingLists(Round round) {
		this.count = round.count;
		this.lanes = round.lanes();
		int[] order = sortedByRating(round);
		this.next = new int[this.lanes * this.count];
		this.previous = new int[this.lanes * this.count];
		Arrays.fill(this.next, OUT);
		Arrays.fill(this.previous, OUT);
		for (int lane = 0; lane < this.lanes; lane++) {
			int base = lane * this.count;
			int last = -1;
			for (int ticket : order) {
				if (round.accepts(ticket, lane)) {
					this.previous[base + ticket] = last;
					if (last >= 0) {
						this.next[base + last] = ticket;
					}
					last = ticket;
				}
			}
			if (last >= 0) {
				this.next[base + last] = -1;
			}
		}
	}

	/**
	 * Sorts on the ratings rounded to floats (a primitive sort of packed keys, no boxing),
	 * then repairs the few neighbours that rounding tied with an insertion sort.
	 */
	private static int[] sortedByRating(Round round) {
		long[] keys = new long[round.count];
		int n = 0;
		for (int ticket = 0; ticket < round.count; ticket++) {
			if (round.size[ticket] > 0) {
				int bits = Float.floatToIntBits((float) round.rating[ticket]);
				bits ^= (bits >> 31) & 0x7fffffff;
				keys[n++] = ((long) bits << 32) | ticket;
			}
		}
		Arrays.sort(keys, 0, n);
		int[] order = new int[n];
		double[] rating = round.rating;
		for (int i = 0; i < n; i++) {
			int ticket = (int) keys[i];
			int j = i;
			while (j > 0 && rating[order[j - 1]] > rating[ticket]) {
				order[j] = order[j - 1];
				j--;
			}
			order[j] = ticket;
		}
		return order;
	}

	/** @return the next higher-rated unmatched ticket of the lane, or -1 */
	int next(int lane, int ticket) {
		return this.next[lane * this.count + ticket];
	}

	/** @return the next lower-rated unmatched ticket of the lane, or -1 */
	int previous(int lane, int ticket) {
		return this.previous[lane * this.count + ticket];
	}

	void remove(int ticket) {
		for (int lane = 0; lane < this.lanes; lane++) {
			int base = lane * this.count;
			int next = this.next[base + ticket];
			if (next == OUT) {
				continue;
			}
			int previous = this.previous[base + ticket];
			if (previous >= 0) {
				this.next[base + previous] = next;
			}
			if (next >= 0) {
				this.previous[base + next] = previous;
			}
			this.next[base + ticket] = OUT;
			this.previous[base + ticket] = OUT;
		}
	}

}
