package dev.rivalry.engine.strategy;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which regions each ticket of a round accepts: those it measured a latency to within
 * its current bound. A ticket that measured no latency accepts every region. Regions are
 * numbered in name order, so choices between equal regions are deterministic.
 */
final class Regions {

	/** No region is acceptable to every ticket. */
	static final int NONE = -1;

	/** Every ticket is region-agnostic: there is nothing to choose from. */
	static final int ANY = -2;

	private final String[] names;

	/** {@code latency[ticket * names.length + region]}, {@code Integer.MAX_VALUE} if unmeasured. */
	private final int[] latency;

	private final boolean[] agnostic;

	private final long[] bound;

	private Regions(String[] names, int[] latency, boolean[] agnostic, long[] bound) {
		this.names = names;
		this.latency = latency;
		this.agnostic = agnostic;
		this.bound = bound;
	}

	static Regions of(PoolTicket[] tickets, long[] waited, Limits limits) {
		TreeSet<String> seen = new TreeSet<>();
		for (PoolTicket ticket : tickets) {
			seen.addAll(ticket.latencies().keySet());
		}
		String[] names = seen.toArray(new String[0]);
		int count = names.length;
		int[] latency = new int[tickets.length * count];
		Arrays.fill(latency, Integer.MAX_VALUE);
		boolean[] agnostic = new boolean[tickets.length];
		long[] bound = new long[tickets.length];
		for (int i = 0; i < tickets.length; i++) {
			Map<String, Integer> latencies = tickets[i].latencies();
			agnostic[i] = latencies.isEmpty();
			bound[i] = limits.maxLatencyMillis(waited[i]);
			for (int r = 0; r < count; r++) {
				Integer measured = latencies.get(names[r]);
				if (measured != null) {
					latency[i * count + r] = measured;
				}
			}
		}
		return new Regions(names, latency, agnostic, bound);
	}

	/** @return the number of regions any ticket measured */
	int count() {
		return this.names.length;
	}

	String name(int region) {
		return (region >= 0) ? this.names[region] : null;
	}

	/** @return whether the ticket may play in the region now */
	boolean accepts(int ticket, int region) {
		return this.agnostic[ticket] || this.latency[ticket * this.names.length + region] <= this.bound[ticket];
	}

	/**
	 * @return the region acceptable to every ticket whose worst latency is the lowest
	 * (ties: the first by name), {@link #ANY} when all the tickets are region-agnostic, or
	 * {@link #NONE}
	 */
	int choose(int[] tickets, int count) {
		int best = NONE;
		long bestWorst = Long.MAX_VALUE;
		for (int r = 0; r < this.names.length; r++) {
			long worst = worst(tickets, count, r);
			if (worst < bestWorst) {
				best = r;
				bestWorst = worst;
			}
		}
		return (best != NONE && bestWorst < 0) ? ANY : best;
	}

	/**
	 * @return the highest latency of the tickets in the region, -1 when all are
	 * region-agnostic, {@code Long.MAX_VALUE} when one of them does not accept it
	 */
	long worst(int[] tickets, int count, int region) {
		if (region < 0) {
			return -1;
		}
		long worst = -1;
		for (int i = 0; i < count; i++) {
			int ticket = tickets[i];
			if (!accepts(ticket, region)) {
				return Long.MAX_VALUE;
			}
			if (!this.agnostic[ticket]) {
				worst = Math.max(worst, this.latency[ticket * this.names.length + region]);
			}
		}
		return worst;
	}

}
