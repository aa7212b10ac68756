package dev.rivalry.engine.strategy;

/**
 * The pass both strategies share around one leader: each of the leader's lanes (regions)
 * may give a candidate match; the best is kept and, balanced when the profile asks,
 * proposed. With no regions the first candidate is the match; with regions the candidate
 * whose worst latency is lowest wins, and a strategy's own tie-break decides between
 * equals (first-come: the younger youngest ticket loses; rating: the narrower spread wins).
 * Not thread safe: one per pass.
 */
final class LaneChoice {

	/** Which of two candidates with the same worst latency is better. */
	interface TieBreak {

		/** @return whether {@code candidate} beats {@code best} */
		boolean better(Packer candidate, Packer best);

	}

	private final Round round;

	private final TieBreak tieBreak;

	private final Balancer balancer;

	private Packer current;

	private Packer best;

	private boolean found;

	LaneChoice(Round round, TieBreak tieBreak) {
		this.round = round;
		this.tieBreak = tieBreak;
		this.current = new Packer(round.teams, round.teamSize);
		this.best = new Packer(round.teams, round.teamSize);
		this.balancer = round.profile.strategy().balanceTeams() ? new Balancer(round.teams, round.teamSize) : null;
	}

	/** Starts a new leader: no candidate yet. */
	void start() {
		this.found = false;
	}

	/** @return where the strategy builds the next candidate */
	Packer current() {
		return this.current;
	}

	/**
	 * Weighs the candidate built in {@link #current()} against the best so far.
	 * @return whether the search for this leader is over (a pool without regions takes its first candidate)
	 */
	boolean offer() {
		Regions regions = this.round.regions;
		if (regions == null) {
			swap();
			this.found = true;
			return true;
		}
		this.current.worst = regions.worst(this.current.members, this.current.count,
				regions.choose(this.current.members, this.current.count));
		if (!this.found || this.current.worst < this.best.worst
				|| (this.current.worst == this.best.worst && this.tieBreak.better(this.current, this.best))) {
			swap();
		}
		this.found = true;
		return false;
	}

	/** @return whether a candidate was offered since {@link #start()} */
	boolean found() {
		return this.found;
	}

	/**
	 * Balances the best candidate's teams (when the profile asks) and proposes it.
	 * @return the proposed match's packing
	 */
	Packer propose() {
		if (this.balancer != null) {
			this.balancer.balance(this.best, this.round.size, this.round.ratingSum);
		}
		this.round.propose(this.best);
		return this.best;
	}

	private void swap() {
		Packer previous = this.best;
		this.best = this.current;
		this.current = previous;
	}

}
