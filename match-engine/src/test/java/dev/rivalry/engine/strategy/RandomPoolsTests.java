package dev.rivalry.engine.strategy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.rivalry.profiles.Profile;
import dev.rivalry.profiles.RegionSelection;
import dev.rivalry.profiles.Strategy;

import static dev.rivalry.engine.strategy.Pools.NOW;
import static dev.rivalry.engine.strategy.Pools.profile;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style: thousands of random profiles and pools (fixed seeds, so a failure
 * reproduces), each result checked by {@link ProposalChecks}.
 */
class RandomPoolsTests {

	private static final String[] REGIONS = { "asia", "eu", "us" };

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 4 })
	void everyProposalIsValid(long seed) {
		Random random = new Random(seed);
		for (int run = 0; run < 1000; run++) {
			Profile profile = randomProfile(random);
			List<PoolTicket> waiting = randomPool(random, profile);
			MatchingStrategy strategy = Strategies.forProfile(profile);
			List<Proposal> proposals = strategy.form(profile, waiting, NOW);
			ProposalChecks.assertValid(profile, waiting, proposals, NOW);
			assertThat(strategy.form(profile, waiting, NOW)).as("the same input gives the same proposals")
				.isEqualTo(proposals);
			if (profile.strategy() instanceof Strategy.FirstCome) {
				List<PoolTicket> left = waiting.stream()
					.filter((ticket) -> proposals.stream().noneMatch((proposal) -> proposal.tickets().contains(ticket)))
					.toList();
				assertThat(strategy.form(profile, left, NOW)).as("run %d: first-come leaves nothing matchable", run)
					.isEmpty();
			}
		}
	}

	@ParameterizedTest(name = "{0}: pools of solos are matched completely")
	@ValueSource(strings = { "first-come", "rating" })
	void poolsOfSolosAreMatchedCompletelyWithoutConstraints(String type) {
		Random random = new Random(11);
		for (int run = 0; run < 300; run++) {
			int teams = 1 + random.nextInt(4);
			int size = 1 + random.nextInt(5);
			Strategy strategy = type.equals("rating") ? new Strategy.Rating(List.of(), null, size, random.nextBoolean(), null)
					: new Strategy.FirstCome(size, random.nextBoolean(), null);
			Profile profile = profile(teams, size, strategy);
			List<PoolTicket> waiting = new ArrayList<>();
			int solos = random.nextInt(200);
			for (int i = 0; i < solos; i++) {
				waiting.add(Pools.solo("s" + i, 1500 + 300 * random.nextGaussian(), solos - i));
			}
			List<Proposal> proposals = Strategies.forProfile(profile).form(profile, waiting, NOW);
			assertThat(proposals).hasSize(solos / (teams * size));
		}
	}

	@Test
	void largePoolsStayValid() {
		Random random = new Random(5);
		for (int run = 0; run < 20; run++) {
			Profile profile = randomProfile(random);
			List<PoolTicket> waiting = new ArrayList<>();
			for (int i = 0; i < 3000; i++) {
				waiting.add(randomTicket(random, profile, i, 3000));
			}
			ProposalChecks.assertValid(profile, waiting, Strategies.forProfile(profile).form(profile, waiting, NOW), NOW);
		}
	}

	private static Profile randomProfile(Random random) {
		int teams = 1 + random.nextInt(4);
		int size = 1 + random.nextInt(5);
		int maxParty = 1 + random.nextInt(size);
		boolean balance = random.nextBoolean();
		RegionSelection region = random.nextBoolean() ? null
				: Pools.latency(0, 20 + random.nextInt(60), 10 + random.nextInt(30), 80 + random.nextInt(80));
		if (random.nextBoolean()) {
			return profile(teams, size, new Strategy.FirstCome(maxParty, balance, region));
		}
		List<Strategy.Expansion> expansions = new ArrayList<>();
		if (random.nextInt(4) > 0) {
			double spread = random.nextInt(200);
			long after = 0;
			for (int step = 0, steps = 1 + random.nextInt(4); step < steps; step++) {
				expansions.add(new Strategy.Expansion(Duration.ofSeconds(after), spread));
				after += 1 + random.nextInt(20);
				spread += random.nextInt(300);
			}
		}
		return profile(teams, size, new Strategy.Rating(expansions, null, maxParty, balance, region));
	}

	private static List<PoolTicket> randomPool(Random random, Profile profile) {
		int count = random.nextInt(80);
		List<PoolTicket> waiting = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			waiting.add(randomTicket(random, profile, i, count));
		}
		return waiting;
	}

	/** Oldest first: the i-th of n tickets waited longest when i is 0; a few are too large for a team. */
	private static PoolTicket randomTicket(Random random, Profile profile, int i, int count) {
		int maxParty = profile.strategy().maxPartySize();
		int size = (random.nextInt(3) == 0) ? 1 + random.nextInt(maxParty) : 1;
		if (random.nextInt(100) == 0) {
			size = profile.teams().size() + 1;
		}
		double[] ratings = new double[size];
		for (int p = 0; p < size; p++) {
			ratings[p] = 1500 + 300 * random.nextGaussian();
		}
		Map<String, Integer> latencies = new TreeMap<>();
		if (random.nextInt(4) > 0) {
			for (String region : REGIONS) {
				if (random.nextBoolean()) {
					latencies.put(region, 5 + random.nextInt(150));
				}
			}
		}
		long waitedMillis = (long) (60_000.0 * (count - i) / Math.max(1, count));
		return new PoolTicket("t" + i, playersOf("t" + i, ratings), latencies, NOW.minusMillis(waitedMillis));
	}

	private static List<PoolPlayer> playersOf(String id, double[] ratings) {
		List<PoolPlayer> players = new ArrayList<>();
		for (int p = 0; p < ratings.length; p++) {
			players.add(new PoolPlayer(id + "-" + p, ratings[p]));
		}
		return players;
	}

}
