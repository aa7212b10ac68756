package dev.rivalry.engine.strategy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import dev.rivalry.profiles.Profile;

/**
 * {@code first-come}: the oldest ticket that can still be matched leads the next match,
 * and the seats are filled with the oldest tickets that fit (see docs/strategies.md).
 * <p>
 * Each head is tried once per call, in age order. Its match is filled greedily from the
 * size queues: the oldest ticket whose party fits the largest gap goes next, best fit;
 * a party that fits nowhere stays at the front of its queue, so it is first in line for
 * the next match, which it leads once it is the oldest. When the greedy fill gets stuck,
 * {@link Compositions} searches exactly. When no match can be built around a party of
 * some size in some region, no other party of that size could do better there (parties
 * of one size are interchangeable), so that size sits out the rest of the call in that
 * region: the call stays linear in the pool, whatever cannot be matched.
 */
final class FirstComeStrategy implements MatchingStrategy {

	static final FirstComeStrategy INSTANCE = new FirstComeStrategy();

	private FirstComeStrategy() {
	}

	@Override
	public List<Proposal> form(Profile profile, List<PoolTicket> waiting, Instant now) {
		Round round = new Round(profile, waiting, now, profile.strategy().balanceTeams());
		new Pass(round).run();
		return Collections.unmodifiableList(round.proposals);
	}

	private static final class Pass {

		private final Round round;

		private final SizeQueues queues;

		private final int[] sizes;

		/** Per queue (lane and size): no match can be built around such a party this call. */
		private final boolean[] failed;

		/** Per ticket: the attempt that tentatively took it. */
		private final int[] taken;

		private int attempt;

		/** Per present size: the current attempt's position in that size's queue. */
		private final int[] cursor;

		private final LaneChoice choice;

		private final Compositions compositions;

		private int[] candidates;

		Pass(Round round) {
			this.round = round;
			this.queues = new SizeQueues(round);
			this.sizes = this.queues.sizes;
			this.failed = new boolean[round.lanes() * (round.teamSize + 1)];
			this.taken = new int[round.count];
			this.cursor = new int[this.sizes.length];
			// Between equally distant regions, the match of the older tickets.
			this.choice = new LaneChoice(round, (candidate, best) -> candidate.youngest() < best.youngest());
			this.compositions = new Compositions(round.teams, round.teamSize);
			this.candidates = new int[round.seats * 2];
		}

		void run() {
			for (int head = 0; head < this.round.count; head++) {
				if (!this.round.used[head] && this.round.size[head] > 0 && matchAround(head)) {
					this.choice.propose();
				}
			}
		}

		/** Offers the match led by the head in each of its lanes to the {@link LaneChoice}. */
		private boolean matchAround(int head) {
			this.choice.start();
			for (int lane = 0; lane < this.round.lanes(); lane++) {
				int queue = this.queues.queue(lane, this.round.size[head]);
				if (!this.round.accepts(head, lane) || this.failed[queue]) {
					continue;
				}
				if (!fill(head, lane) && !search(head, lane)) {
					this.failed[queue] = true;
					continue;
				}
				if (this.choice.offer()) {
					return true;
				}
			}
			return this.choice.found();
		}

		/** The greedy fill: repeatedly the oldest ticket that fits somewhere. */
		private boolean fill(int head, int lane) {
			int mark = ++this.attempt;
			this.taken[head] = mark;
			Packer current = this.choice.current();
			current.clear();
			current.put(head, this.round.size[head], 0);
			for (int i = 0; i < this.sizes.length; i++) {
				int queue = this.queues.queue(lane, this.sizes[i]);
				int first = this.queues.first(queue, this.round.used);
				this.cursor[i] = this.queues.after(queue, first, this.round.used, this.taken, mark);
			}
			while (!current.full()) {
				int largestGap = current.maxFree();
				int oldest = -1;
				int chosen = -1;
				for (int i = 0; i < this.sizes.length && this.sizes[i] <= largestGap; i++) {
					int queue = this.queues.queue(lane, this.sizes[i]);
					if (this.failed[queue] || this.queues.atEnd(queue, this.cursor[i])) {
						continue;
					}
					int ticket = this.queues.ticketAt(this.cursor[i]);
					if (oldest < 0 || ticket < oldest) {
						oldest = ticket;
						chosen = i;
					}
				}
				if (oldest < 0) {
					return false;
				}
				current.place(oldest, this.sizes[chosen]);
				this.taken[oldest] = mark;
				int queue = this.queues.queue(lane, this.sizes[chosen]);
				this.cursor[chosen] = this.queues.after(queue, this.cursor[chosen] + 1, this.round.used, this.taken, mark);
			}
			return true;
		}

		/** The exact search over the oldest tickets of each size that could matter. */
		private boolean search(int head, int lane) {
			int mark = ++this.attempt;
			this.taken[head] = mark;
			int seatsLeft = this.round.seats - this.round.size[head];
			int count = 0;
			for (int size : this.sizes) {
				int queue = this.queues.queue(lane, size);
				if (this.failed[queue]) {
					continue;
				}
				int position = this.queues.after(queue, this.queues.first(queue, this.round.used), this.round.used,
						this.taken, mark);
				for (int n = seatsLeft / size; n > 0 && !this.queues.atEnd(queue, position); n--) {
					if (count == this.candidates.length) {
						this.candidates = Arrays.copyOf(this.candidates, count * 2);
					}
					this.candidates[count++] = this.queues.ticketAt(position);
					position = this.queues.after(queue, position + 1, this.round.used, this.taken, mark);
				}
			}
			// age rank is the preference: the oldest candidates first
			Arrays.sort(this.candidates, 0, count);
			this.compositions.allow(Compositions.ALLOWANCE);
			return this.compositions.search(this.round, this.choice.current(), head, this.candidates, count);
		}

	}

}
