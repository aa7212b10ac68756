package dev.rivalry.engine.strategy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.rivalry.profiles.Profile;

/**
 * One call of a strategy: the waiting tickets as parallel arrays indexed by age rank
 * (0 is the oldest), so that the matching loops read primitives and allocate nothing per
 * ticket. A ticket's lanes are the regions it accepts now (one lane, 0, when the profile
 * does not choose regions or no ticket measured a latency).
 */
final class Round {

	final Profile profile;

	final PoolTicket[] tickets;

	final int count;

	final int teams;

	final int teamSize;

	final int seats;

	/** Players per ticket; 0 for a ticket that can never be matched (larger than a team). */
	final int[] size;

	/** Mean player rating per ticket (null unless ratings were asked for). */
	final double[] rating;

	/** Summed player rating per ticket (null unless ratings were asked for). */
	final double[] ratingSum;

	/** Nanoseconds waited per ticket, zero or more. */
	final long[] waited;

	final boolean[] used;

	final Limits limits;

	/** Null when there is one lane that accepts every ticket. */
	final Regions regions;

	final List<Proposal> proposals = new ArrayList<>();

	/** Scratch: tickets placed per team while a proposal is written. */
	private final int[] filled;

	Round(Profile profile, List<PoolTicket> waiting, Instant now, boolean ratings) {
		this.profile = profile;
		this.tickets = waiting.toArray(new PoolTicket[0]);
		this.count = this.tickets.length;
		this.teams = profile.teams().count();
		this.teamSize = profile.teams().size();
		this.seats = this.teams * this.teamSize;
		this.size = new int[this.count];
		this.rating = ratings ? new double[this.count] : null;
		this.ratingSum = ratings ? new double[this.count] : null;
		this.waited = new long[this.count];
		this.used = new boolean[this.count];
		this.filled = new int[this.teams];
		this.limits = Limits.of(profile.strategy());
		for (int i = 0; i < this.count; i++) {
			PoolTicket ticket = this.tickets[i];
			List<PoolPlayer> players = ticket.players();
			this.size[i] = (players.size() <= this.teamSize) ? players.size() : 0;
			this.waited[i] = Math.max(0, Limits.nanosBetween(ticket.enqueuedAt(), now));
			if (ratings) {
				double sum = 0;
				for (int p = 0; p < players.size(); p++) {
					sum += players.get(p).rating();
				}
				this.ratingSum[i] = sum;
				this.rating[i] = sum / players.size();
			}
		}
		Regions regions = (profile.strategy().region() != null)
				? Regions.of(this.tickets, this.waited, this.limits) : null;
		this.regions = (regions != null && regions.count() > 0) ? regions : null;
	}

	int lanes() {
		return (this.regions != null) ? this.regions.count() : 1;
	}

	boolean accepts(int ticket, int lane) {
		return this.size[ticket] > 0 && (this.regions == null || this.regions.accepts(ticket, lane));
	}

	/**
	 * Records the packer's match as a proposal and takes its tickets out of the round.
	 * @param match a full match
	 */
	@SuppressWarnings("unchecked")
	void propose(Packer match) {
		String region = (this.regions != null)
				? this.regions.name(this.regions.choose(match.members, match.count)) : null;
		PoolTicket[][] teams = new PoolTicket[this.teams][];
		for (int t = 0; t < this.teams; t++) {
			teams[t] = new PoolTicket[match.ticketsIn(t)];
			this.filled[t] = 0;
		}
		for (int i = 0; i < match.count; i++) {
			int ticket = match.members[i];
			int team = match.teamOf[i];
			teams[team][this.filled[team]++] = this.tickets[ticket];
			this.used[ticket] = true;
		}
		List<PoolTicket>[] lists = new List[this.teams];
		for (int t = 0; t < this.teams; t++) {
			lists[t] = List.of(teams[t]);
		}
		this.proposals.add(new Proposal(Arrays.asList(lists), region));
	}

}
