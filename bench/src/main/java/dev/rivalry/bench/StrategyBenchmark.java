package dev.rivalry.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.rivalry.engine.strategy.MatchingStrategy;
import dev.rivalry.engine.strategy.PoolPlayer;
import dev.rivalry.engine.strategy.PoolTicket;
import dev.rivalry.engine.strategy.Proposal;
import dev.rivalry.engine.strategy.Strategies;
import dev.rivalry.profiles.Profile;
import dev.rivalry.profiles.RegionSelection;
import dev.rivalry.profiles.Strategy;
import dev.rivalry.profiles.Teams;
import dev.rivalry.profiles.filter.Filter;

/**
 * How fast the match engine's strategies form matches from a backlog: one call of
 * {@link MatchingStrategy#form} over a whole pool, on one thread (one core).
 * <p>
 * The figure that matters is {@code ticketsMatched}, an auxiliary counter of operations:
 * tickets placed in a match per second. JMH's primary score is calls per second; the
 * counter multiplies it by the tickets one call matches (the same every call: the
 * strategies are deterministic and the pool is not modified), so it needs no counting
 * inside the measured code.
 * <ul>
 * <li>{@code duel-first-come}: 1v1, {@code first-come}, solos.</li>
 * <li>{@code squad-rating}: 5v5, {@code rating} with balanced teams, 55% solos and
 * parties of 2 to 5; player ratings ~ N(1500, 300) around a party's own ~ N(1500, 300)
 * (sd 100 inside a party); waits uniform over 0..60 s against expansions 50, 100 after
 * 10 s, 200 after 20 s, 400 after 40 s, so every step is in play.</li>
 * </ul>
 * Not run by default, for a look at the other paths ({@code -p pool=...}):
 * {@code squad-first-come} (the same parties, {@code first-come} with balanced teams) and
 * {@code duel-rating-regions} (1v1 {@code rating} whose solos measured latencies to three
 * regions, each 20..120 ms, against a bound of 60 ms widening to 100 ms after 20 s).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class StrategyBenchmark {

	static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

	static final List<Strategy.Expansion> EXPANSIONS = List.of(new Strategy.Expansion(Duration.ZERO, 50),
			new Strategy.Expansion(Duration.ofSeconds(10), 100), new Strategy.Expansion(Duration.ofSeconds(20), 200),
			new Strategy.Expansion(Duration.ofSeconds(40), 400));

	@Param({ "10000", "100000" })
	int tickets;

	@Param({ "duel-first-come", "squad-rating" })
	String pool;

	private Profile profile;

	private MatchingStrategy strategy;

	private List<PoolTicket> waiting;

	private int matchedPerCall;

	@Setup(Level.Trial)
	public void createPool() {
		Random random = new Random(42);
		this.profile = switch (this.pool) {
			case "duel-first-come" -> profile(new Teams(2, 1), new Strategy.FirstCome(1, false, null));
			case "squad-rating" -> profile(new Teams(2, 5), new Strategy.Rating(EXPANSIONS, null, 5, true, null));
			case "squad-first-come" -> profile(new Teams(2, 5), new Strategy.FirstCome(5, true, null));
			case "duel-rating-regions" -> profile(new Teams(2, 1), new Strategy.Rating(EXPANSIONS, null, 1, false,
					new RegionSelection(List.of(new RegionSelection.LatencyExpansion(Duration.ZERO, Duration.ofMillis(60)),
							new RegionSelection.LatencyExpansion(Duration.ofSeconds(20), Duration.ofMillis(100))))));
			default -> throw new IllegalArgumentException("unknown pool " + this.pool);
		};
		this.strategy = Strategies.forProfile(this.profile);
		int maxParty = this.profile.strategy().maxPartySize();
		List<PoolTicket> tickets = new ArrayList<>(this.tickets);
		for (int i = 0; i < this.tickets; i++) {
			int size = (maxParty == 1) ? 1 : partySize(random);
			double partyRating = 1500 + 300 * random.nextGaussian();
			List<PoolPlayer> players = new ArrayList<>(size);
			for (int p = 0; p < size; p++) {
				double rating = (size == 1) ? partyRating : partyRating + 100 * random.nextGaussian();
				players.add(new PoolPlayer("p" + i + "-" + p, rating));
			}
			Instant enqueuedAt = NOW.minusMillis(random.nextInt(60_000));
			Map<String, Integer> latencies = (this.profile.strategy().region() != null)
					? Map.of("eu", 20 + random.nextInt(100), "us", 20 + random.nextInt(100), "asia", 20 + random.nextInt(100))
					: Map.of();
			tickets.add(new PoolTicket("t" + i, players, latencies, enqueuedAt));
		}
		tickets.sort(Comparator.comparing(PoolTicket::enqueuedAt));
		this.waiting = List.copyOf(tickets);
		List<Proposal> proposals = this.strategy.form(this.profile, this.waiting, NOW);
		this.matchedPerCall = proposals.stream().mapToInt((proposal) -> proposal.tickets().size()).sum();
		System.out.printf("%n%s of %d tickets: %d matched per call (%.1f%%) in %d matches; mean rating range %.0f, "
				+ "mean difference of team sums %.0f%n", this.pool, this.tickets, this.matchedPerCall,
				100.0 * this.matchedPerCall / this.tickets, proposals.size(),
				proposals.stream().mapToDouble(StrategyBenchmark::range).average().orElse(0),
				proposals.stream().mapToDouble(StrategyBenchmark::teamDifference).average().orElse(0));
	}

	private static double range(Proposal proposal) {
		List<PoolTicket> tickets = proposal.tickets();
		return tickets.stream().mapToDouble(PoolTicket::rating).max().orElse(0)
				- tickets.stream().mapToDouble(PoolTicket::rating).min().orElse(0);
	}

	private static double teamDifference(Proposal proposal) {
		double[] sums = proposal.teams().stream()
			.mapToDouble((team) -> team.stream().mapToDouble((ticket) -> ticket.rating() * ticket.size()).sum())
			.toArray();
		return Arrays.stream(sums).max().orElse(0) - Arrays.stream(sums).min().orElse(0);
	}

	/** 55% solos, then 2 to 5 players: 18%, 12%, 9%, 6%. */
	private static int partySize(Random random) {
		int roll = random.nextInt(100);
		return (roll < 55) ? 1 : (roll < 73) ? 2 : (roll < 85) ? 3 : (roll < 94) ? 4 : 5;
	}

	private static Profile profile(Teams teams, Strategy strategy) {
		return new Profile("bench", Filter.matchAll(), teams, strategy, null, Duration.ofMillis(100),
				Duration.ofMinutes(5), Map.of(), null);
	}

	/** Tickets placed in matches, reported per second next to the calls per second. */
	@State(Scope.Thread)
	@AuxCounters(AuxCounters.Type.OPERATIONS)
	public static class Matched {

		public long ticketsMatched;

		@Setup(Level.Iteration)
		public void reset() {
			this.ticketsMatched = 0;
		}

	}

	@Benchmark
	public List<Proposal> form(Matched matched) {
		List<Proposal> proposals = this.strategy.form(this.profile, this.waiting, NOW);
		matched.ticketsMatched += this.matchedPerCall;
		return proposals;
	}

}
