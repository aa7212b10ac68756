package dev.rivalry.engine.strategy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.rivalry.profiles.Profile;
import dev.rivalry.profiles.RegionSelection;
import dev.rivalry.profiles.Strategy;
import dev.rivalry.profiles.Teams;
import dev.rivalry.profiles.filter.Filter;

/**
 * Profiles and tickets for the strategy tests, written the way the cases read:
 * {@code solo("a", 1500, 10)} is a player rated 1500 who has waited 10 s at {@link #NOW}.
 */
final class Pools {

	static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

	private Pools() {
	}

	static Profile firstCome(int teams, int size) {
		return profile(teams, size, new Strategy.FirstCome(size, false, null));
	}

	static Profile firstCome(int teams, int size, boolean balance, RegionSelection region) {
		return profile(teams, size, new Strategy.FirstCome(size, balance, region));
	}

	static Profile rating(int teams, int size, boolean balance, RegionSelection region,
			Strategy.Expansion... expansions) {
		return profile(teams, size, new Strategy.Rating(List.of(expansions), null, size, balance, region));
	}

	static Profile profile(int teams, int size, Strategy strategy) {
		return new Profile("test", Filter.matchAll(), new Teams(teams, size), strategy, null, Duration.ofMillis(100),
				Duration.ofMinutes(5), Map.of(), null);
	}

	/** A rating expansion: from {@code afterSeconds} of waiting on, ratings may differ by {@code spread}. */
	static Strategy.Expansion spread(long afterSeconds, double spread) {
		return new Strategy.Expansion(Duration.ofSeconds(afterSeconds), spread);
	}

	/** Latency expansions as pairs: seconds waited, max latency in ms; e.g. {@code latency(0, 50, 20, 100)}. */
	static RegionSelection latency(long... pairs) {
		List<RegionSelection.LatencyExpansion> steps = new ArrayList<>();
		for (int i = 0; i < pairs.length; i += 2) {
			steps.add(new RegionSelection.LatencyExpansion(Duration.ofSeconds(pairs[i]), Duration.ofMillis(pairs[i + 1])));
		}
		return new RegionSelection(steps);
	}

	static PoolTicket solo(String id, double rating, long waitedSeconds) {
		return ticket(id, waitedSeconds, Map.of(), rating);
	}

	/** A solo rated 1500 who has waited {@code waitedSeconds}. */
	static PoolTicket solo(String id, long waitedSeconds) {
		return solo(id, 1500, waitedSeconds);
	}

	/** A party of {@code size} players rated 1500. */
	static PoolTicket party(String id, int size, long waitedSeconds) {
		double[] ratings = new double[size];
		Arrays.fill(ratings, 1500);
		return ticket(id, waitedSeconds, Map.of(), ratings);
	}

	static PoolTicket ticket(String id, long waitedSeconds, Map<String, Integer> latencies, double... ratings) {
		List<PoolPlayer> players = new ArrayList<>();
		for (int i = 0; i < ratings.length; i++) {
			players.add(new PoolPlayer(id + "-" + i, ratings[i]));
		}
		return new PoolTicket(id, players, latencies, NOW.minusSeconds(waitedSeconds));
	}

	/** Sorts tickets oldest first, as a pool hands them to a strategy. */
	static List<PoolTicket> oldestFirst(PoolTicket... tickets) {
		List<PoolTicket> sorted = new ArrayList<>(List.of(tickets));
		sorted.sort((a, b) -> a.enqueuedAt().compareTo(b.enqueuedAt()));
		return sorted;
	}

	/** @return the ids per team, e.g. {@code [[a, b], [c, d]]} */
	static List<List<String>> ids(Proposal proposal) {
		return proposal.teams().stream().map((team) -> team.stream().map(PoolTicket::id).toList()).toList();
	}

	static List<List<List<String>>> ids(List<Proposal> proposals) {
		return proposals.stream().map(Pools::ids).toList();
	}

	/** @return the ids of the tickets no proposal took, in pool order */
	static List<String> leftover(List<PoolTicket> waiting, List<Proposal> proposals) {
		List<PoolTicket> taken = proposals.stream().flatMap((proposal) -> proposal.tickets().stream()).toList();
		return waiting.stream().filter((ticket) -> !taken.contains(ticket)).map(PoolTicket::id).toList();
	}

}
