package dev.rivalry.standalone.demo;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How much demo traffic to make and how fast it plays. Immutable.
 *
 * @param regions the regions servers run and bots queue in; {@code eu} is best left out,
 * so that a player queued by hand there (README) meets no bot
 * @param serversPerRegion simulated game servers in each region
 * @param duelPlayers solo bots per region queueing for {@code duel} (1v1)
 * @param arenaPlayers solo bots per region queueing for {@code arena} (1v1 with a ready
 * check: each answers the proposed match as {@code answers} says)
 * @param squadParties the parties per region queueing for {@code squad} (5v5), by size
 * (at most 5 each)
 * @param match how long a simulated match lasts, at least and at most
 * @param connect how long a bot takes to reach its server after its allocation
 * @param rest how long a bot rests between a match and its next ticket, at least and at most
 * @param seed seeds the bots' hidden skills, so every run has the same strong and weak bots
 * @param leaveShare the share of matches in which a player leaves early: its server asks
 * for a replacement through a backfill (docs/backfill.md), from 0 to 1
 * @param answers how the arena bots answer their proposed matches (docs/acceptance.md)
 */
public record DemoSettings(List<String> regions, int serversPerRegion, int duelPlayers, int arenaPlayers,
		List<Integer> squadParties, Span match, Span connect, Span rest, long seed, double leaveShare,
		Answers answers) {

	public DemoSettings {
		regions = List.copyOf(regions);
		squadParties = List.copyOf(squadParties);
		if (regions.isEmpty() || serversPerRegion < 1 || duelPlayers < 0 || arenaPlayers < 0) {
			throw new IllegalArgumentException("Need a region, a server per region and no negative bot count");
		}
		if (squadParties.stream().anyMatch((size) -> size < 1 || size > 5)) {
			throw new IllegalArgumentException("Squad parties have 1 to 5 players");
		}
		Objects.requireNonNull(match, "match");
		Objects.requireNonNull(connect, "connect");
		Objects.requireNonNull(rest, "rest");
		Objects.requireNonNull(answers, "answers");
		if (!(leaveShare >= 0 && leaveShare <= 1)) {
			throw new IllegalArgumentException("The share of matches with a leaver is from 0 to 1");
		}
	}

	/**
	 * Two regions ({@code us}, {@code ap}) of five servers each; in each, ten duel players,
	 * six arena players and twenty squad players in twelve parties: enough for a few
	 * matches a second that last 4 to 10 seconds; in one match of five a player leaves and
	 * is replaced; arena bots accept 85 % of their proposals, decline 10 % and ignore 5 %.
	 * @return the settings standalone uses
	 */
	public static DemoSettings defaults() {
		return new DemoSettings(List.of("us", "ap"), 5, 10, 6, List.of(4, 3, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1),
				new Span(Duration.ofSeconds(4), Duration.ofSeconds(10)),
				new Span(Duration.ofMillis(100), Duration.ofMillis(1500)),
				new Span(Duration.ofSeconds(1), Duration.ofSeconds(4)), 7, 0.2,
				new Answers(0.85, 0.10, new Span(Duration.ofMillis(300), Duration.ofSeconds(4))));
	}

	/** @return the bots in all regions */
	public int bots() {
		int squad = this.squadParties.stream().mapToInt(Integer::intValue).sum();
		return this.regions.size() * (this.duelPlayers + this.arenaPlayers + squad);
	}

	/**
	 * How bots answer a proposed match: accept, decline, or (the rest) let it time out.
	 *
	 * @param accept the share of proposals accepted, from 0 to 1
	 * @param decline the share declined; {@code accept + decline <= 1}
	 * @param think how long a bot takes to answer
	 */
	public record Answers(double accept, double decline, Span think) {

		public Answers {
			if (!(accept >= 0 && decline >= 0 && accept + decline <= 1)) {
				throw new IllegalArgumentException("Answer shares are from 0 to 1 and add up to at most 1");
			}
			Objects.requireNonNull(think, "think");
		}

		/** @return {@code accept}, {@code decline}, or empty to ignore the proposal */
		public Optional<String> draw() {
			double roll = ThreadLocalRandom.current().nextDouble();
			if (roll < this.accept) {
				return Optional.of("accept");
			}
			return (roll < this.accept + this.decline) ? Optional.of("decline") : Optional.empty();
		}

	}

	/**
	 * A range of durations a random one is drawn from.
	 *
	 * @param least the shortest
	 * @param most the longest, not shorter than {@code least}
	 */
	public record Span(Duration least, Duration most) {

		public Span {
			if (least.isNegative() || most.compareTo(least) < 0) {
				throw new IllegalArgumentException("A span runs from a duration to a longer one");
			}
		}

		/** @return a duration drawn evenly from the span */
		public Duration draw() {
			long spread = this.most.toMillis() - this.least.toMillis();
			return this.least.plusMillis((spread > 0) ? ThreadLocalRandom.current().nextLong(spread + 1) : 0);
		}

	}

}
