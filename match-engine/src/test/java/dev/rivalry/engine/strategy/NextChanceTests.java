package dev.rivalry.engine.strategy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.rivalry.profiles.Profile;

import static dev.rivalry.engine.strategy.Pools.NOW;
import static dev.rivalry.engine.strategy.Pools.firstCome;
import static dev.rivalry.engine.strategy.Pools.latency;
import static dev.rivalry.engine.strategy.Pools.rating;
import static dev.rivalry.engine.strategy.Pools.solo;
import static dev.rivalry.engine.strategy.Pools.spread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class NextChanceTests {

	static Stream<Arguments> cases() {
		Profile rated = rating(2, 1, false, null, spread(0, 100), spread(10, 200), spread(30, 500));
		Profile regional = firstCome(2, 1, false, latency(0, 50, 20, 100));
		Profile both = rating(2, 1, false, latency(0, 50, 25, 100), spread(0, 100), spread(30, 500));
		return Stream.of(
				arguments("the earliest expansion of any ticket", rated, List.of(solo("a", 4), solo("b", 12)), 6_000L),
				arguments("a ticket past every step counts no more", rated, List.of(solo("a", 40), solo("b", 25)),
						5_000L),
				arguments("latency steps count", regional, List.of(solo("a", 5)), 15_000L),
				arguments("rating and latency steps together", both, List.of(solo("a", 26), solo("b", 1)), 4_000L),
				arguments("a fresh ticket waits for the first later step", rated,
						List.of(Pools.ticket("a", 0, Map.of(), 1500)), 10_000L),
				arguments("nothing widens past the last step", rated, List.of(solo("a", 30), solo("b", 31)), null),
				arguments("first-come without regions never widens", firstCome(2, 1), List.of(solo("a", 1)), null),
				arguments("rating without expansions never widens", rating(2, 1, false, null), List.of(solo("a", 1)),
						null),
				arguments("an empty pool has no chance", rated, List.of(), null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void nextChanceIsTheEarliestExpansionOfAWaitingTicket(String description, Profile profile,
			List<PoolTicket> waiting, Long millisFromNow) {
		assertThat(Strategies.forProfile(profile).nextChance(profile, waiting, NOW))
			.isEqualTo((millisFromNow != null) ? Optional.of(NOW.plusMillis(millisFromNow))
					: Optional.empty());
	}

}
