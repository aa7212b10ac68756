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

		private final LaneChoice choice;

		Pass(Round round) {
			this.round = round;
			this.lists = new RatingLists(round);
			this.neighbours = new Neighbours(round, reach(round.seats));
			// Between equally distant regions, the match of the narrower rating spread.
			this.choice = new LaneChoice(round,
					(candidate, best) -> candidate.high - candidate.low < best.high - best.low);
		}

		void run() {
			for (int leader = 0; leader < this.round.count; leader++) {
				if (!this.round.used[leader] && this.round.size[leader] > 0 && matchAround(leader)) {
					Packer proposed = this.choice.propose();
					for (int i = 0; i < proposed.count; i++) {
						this.lists.remove(proposed.members[i]);
					}
				}
			}
		}

		/** Offers the match led by the leader in each of its lanes to the {@link LaneChoice}. */
		private boolean matchAround(int leader) {
			double spread = this.round.limits.spread(this.round.waited[leader]);
			this.choice.start();
			for (int lane = 0; lane < this.round.lanes(); lane++) {
				if (!this.round.accepts(leader, lane)
						|| !this.neighbours.gather(this.lists, lane, leader, spread)
						|| !(this.neighbours.fill(this.choice.current()) || this.neighbours.search(this.choice.current()))) {
					continue;
				}
				if (this.choice.offer()) {
					return true;
				}
			}
			return this.choice.found();
		}

	}

}
