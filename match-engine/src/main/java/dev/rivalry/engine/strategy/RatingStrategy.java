package dev.rivalry.engine.strategy;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

import dev.rivalry.profiles.Profile;

/**
 * {@code rating}: matches of players whose ratings lie within a spread that widens with
 * the time waited (see docs/strategies.md).
 * <p>
 * Tickets lead matches in age order. A leader's match may span the leader's current
 * spread (the spread of the match's oldest ticket, the leader being the oldest that can
 * still lead); it is filled with the nearest ratings first, walking out from the leader
 * along the rating-ordered lists, so younger players are pulled only as far as needed.
 * A side stops when its next ticket would widen the match beyond the spread. When that
 * greedy fill cannot seat everyone although enough players are near, the windows of
 * ratings one spread wide around the leader are searched exactly ({@link Compositions}).
 * Each leader looks at most {@link #reach} tickets each way, so a call costs
 * O(n log n) for the sort plus O(n) steps of bounded size.
 */
final class RatingStrategy implements MatchingStrategy {

	static final RatingStrategy INSTANCE = new RatingStrategy();

	private RatingStrategy() {
	}

	/** How many tickets a leader looks at on each side: enough to skip parties that do not fit. */
	static int reach(int seats) {
		return Math.max(8, 2 * seats);
	}

	@Override
	public List<Proposal> form(Profile profile, List<PoolTicket> waiting, Instant now) {
		Round round = new Round(profile, waiting, now, true);
		new Pass(round).run();
		return Collections.unmodifiableList(round.proposals);
	}

	private static final class Pass {

		private final Round round;

		private final RatingLists lists;

		private final Neighbours neighbours;

		private Packer current;

		private Packer best;

		private final Balancer balancer;

		Pass(Round round) {
			this.round = round;
			this.lists = new RatingLists(round);
			this.neighbours = new Neighbours(round, reach(round.seats));
			this.current = new Packer(round.teams, round.teamSize);
			this.best = new Packer(round.teams, round.teamSize);
			this.balancer = round.profile.strategy().balanceTeams() ? new Balancer(round.teams, round.teamSize) : null;
		}

		void run() {
			for (int leader = 0; leader < this.round.count; leader++) {
				if (!this.round.used[leader] && this.round.size[leader] > 0 && matchAround(leader)) {
					if (this.balancer != null) {
						this.balancer.balance(this.best, this.round.size, this.round.ratingSum);
					}
					this.round.propose(this.best);
					for (int i = 0; i < this.best.count; i++) {
						this.lists.remove(this.best.members[i]);
					}
				}
			}
		}

		/** Builds the best match led by the leader into {@link #best}, trying each of its lanes. */
		private boolean matchAround(int leader) {
			double spread = this.round.limits.spread(this.round.waited[leader]);
			boolean found = false;
			for (int lane = 0; lane < this.round.lanes(); lane++) {
				if (!this.round.accepts(leader, lane)
						|| !this.neighbours.gather(this.lists, lane, leader, spread)
						|| !(this.neighbours.fill(this.current) || this.neighbours.search(this.current))) {
					continue;
				}
				Regions regions = this.round.regions;
				if (regions == null) {
					swap();
					return true;
				}
				this.current.worst = regions.worst(this.current.members, this.current.count,
						regions.choose(this.current.members, this.current.count));
				if (!found || this.current.worst < this.best.worst || (this.current.worst == this.best.worst
						&& this.current.high - this.current.low < this.best.high - this.best.low)) {
					swap();
				}
				found = true;
			}
			return found;
		}

		private void swap() {
			Packer previous = this.best;
			this.best = this.current;
			this.current = previous;
		}

	}

}
