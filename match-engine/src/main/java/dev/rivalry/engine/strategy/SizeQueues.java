package dev.rivalry.engine.strategy;

/**
 * The round's tickets by lane and party size, each queue in age order. The oldest
 * ticket that fits a match is the oldest of the queue fronts of the sizes that fit, so
 * building a match never rescans tickets it skipped: a skipped party simply stays at its
 * queue's front. Used tickets are skipped lazily; each queue entry is passed once.
 */
final class SizeQueues {

	/** Largest party size (the team size). */
	private final int largest;

	/** {@code start[lane * (largest + 1) + size]}: where that queue begins in {@link #items}. */
	private final int[] start;

	private final int[] items;

	/** Index in {@link #items} of each queue's first entry that may be unused. */
	private final int[] front;

	/** The party sizes present in the round, ascending. */
	final int[] sizes;

	SizeQueues(Round round) {
		this.largest = round.teamSize;
		int lanes = round.lanes();
		int width = this.largest + 1;
		int[] counts = new int[lanes * width + 1];
		boolean[] present = new boolean[width];
		for (int ticket = 0; ticket < round.count; ticket++) {
			int size = round.size[ticket];
			for (int lane = 0; lane < lanes; lane++) {
				if (round.accepts(ticket, lane)) {
					counts[lane * width + size + 1]++;
					present[size] = true;
				}
			}
		}
		for (int i = 1; i < counts.length; i++) {
			counts[i] += counts[i - 1];
		}
		this.start = counts.clone();
		this.front = counts.clone();
		this.items = new int[counts[counts.length - 1]];
		for (int ticket = 0; ticket < round.count; ticket++) {
			int size = round.size[ticket];
			for (int lane = 0; lane < lanes; lane++) {
				if (round.accepts(ticket, lane)) {
					this.items[counts[lane * width + size]++] = ticket;
				}
			}
		}
		int distinct = 0;
		for (int size = 1; size < width; size++) {
			distinct += present[size] ? 1 : 0;
		}
		this.sizes = new int[distinct];
		for (int size = 1, i = 0; size < width; size++) {
			if (present[size]) {
				this.sizes[i++] = size;
			}
		}
	}

	/** @return the queue's id, for {@link #first} and {@link #after} */
	int queue(int lane, int size) {
		return lane * (this.largest + 1) + size;
	}

	/**
	 * Moves the queue's front past used tickets.
	 * @return the position of its first unused entry (the end of the queue if none)
	 */
	int first(int queue, boolean[] used) {
		int position = this.front[queue];
		int end = this.start[queue + 1];
		while (position < end && used[this.items[position]]) {
			position++;
		}
		this.front[queue] = position;
		return position;
	}

	/**
	 * @param position a position in the queue, or past it
	 * @return the first position from there whose ticket is not used nor taken, or the end
	 */
	int after(int queue, int position, boolean[] used, int[] taken, int attempt) {
		int end = this.start[queue + 1];
		while (position < end && (used[this.items[position]] || taken[this.items[position]] == attempt)) {
			position++;
		}
		return position;
	}

	boolean atEnd(int queue, int position) {
		return position >= this.start[queue + 1];
	}

	int ticketAt(int position) {
		return this.items[position];
	}

}
