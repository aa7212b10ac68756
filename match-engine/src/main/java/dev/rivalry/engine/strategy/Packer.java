package dev.rivalry.engine.strategy;

import java.util.Arrays;

/**
 * One match being built: which tickets are in it and on which team, with each team's
 * free seats. Parties are placed whole, best fit: on the team with the fewest free seats
 * that still holds them, which keeps large gaps for large parties. Reused from match to
 * match, so building a match allocates nothing.
 */
final class Packer {

	final int teams;

	final int teamSize;

	final int[] free;

	/** Ticket (age rank) of each member, in the order placed. */
	final int[] members;

	/** Team of each member. */
	final int[] teamOf;

	int count;

	int players;

	/** Lowest and highest ticket rating of the members (kept by the rating strategy). */
	double low;

	double high;

	/** Worst latency in the match's region ({@link Regions#worst}), for comparing attempts. */
	long worst;

	Packer(int teams, int teamSize) {
		this.teams = teams;
		this.teamSize = teamSize;
		this.free = new int[teams];
		this.members = new int[teams * teamSize];
		this.teamOf = new int[teams * teamSize];
	}

	void clear() {
		Arrays.fill(this.free, this.teamSize);
		this.count = 0;
		this.players = 0;
		this.low = Double.POSITIVE_INFINITY;
		this.high = Double.NEGATIVE_INFINITY;
	}

	boolean full() {
		return this.players == this.teams * this.teamSize;
	}

	int maxFree() {
		int max = 0;
		for (int t = 0; t < this.teams; t++) {
			max = Math.max(max, this.free[t]);
		}
		return max;
	}

	/**
	 * Places a ticket on the team with the fewest free seats that holds it.
	 * @return false, changing nothing, when no team has room
	 */
	boolean place(int ticket, int size) {
		int best = -1;
		for (int t = 0; t < this.teams; t++) {
			int free = this.free[t];
			if (free >= size && (best < 0 || free < this.free[best])) {
				best = t;
			}
		}
		if (best < 0) {
			return false;
		}
		put(ticket, size, best);
		return true;
	}

	void put(int ticket, int size, int team) {
		this.members[this.count] = ticket;
		this.teamOf[this.count] = team;
		this.count++;
		this.free[team] -= size;
		this.players += size;
	}

	/** Widens the rating range by a member's rating. */
	void rate(double rating) {
		this.low = Math.min(this.low, rating);
		this.high = Math.max(this.high, rating);
	}

	int ticketsIn(int team) {
		int tickets = 0;
		for (int i = 0; i < this.count; i++) {
			if (this.teamOf[i] == team) {
				tickets++;
			}
		}
		return tickets;
	}

	/** Youngest member (highest age rank). */
	int youngest() {
		int youngest = -1;
		for (int i = 0; i < this.count; i++) {
			youngest = Math.max(youngest, this.members[i]);
		}
		return youngest;
	}

	void copyFrom(Packer other) {
		System.arraycopy(other.free, 0, this.free, 0, this.teams);
		System.arraycopy(other.members, 0, this.members, 0, other.count);
		System.arraycopy(other.teamOf, 0, this.teamOf, 0, other.count);
		this.count = other.count;
		this.players = other.players;
		this.low = other.low;
		this.high = other.high;
		this.worst = other.worst;
	}

}
