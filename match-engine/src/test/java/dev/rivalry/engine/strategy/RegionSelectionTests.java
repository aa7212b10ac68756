package dev.rivalry.engine.strategy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.rivalry.profiles.Profile;
import dev.rivalry.profiles.RegionSelection;

import static dev.rivalry.engine.strategy.Pools.NOW;
import static dev.rivalry.engine.strategy.Pools.firstCome;
import static dev.rivalry.engine.strategy.Pools.latency;
import static dev.rivalry.engine.strategy.Pools.oldestFirst;
import static dev.rivalry.engine.strategy.Pools.rating;
import static dev.rivalry.engine.strategy.Pools.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Region choice, the same for both strategies: every case runs with {@code first-come}
 * and with {@code rating}.
 */
class RegionSelectionTests {

	/** 50 ms from the start, 100 ms after 20 s. */
	private static final RegionSelection WIDENING = latency(0, 50, 20, 100);

	static Stream<Arguments> cases() {
		return Stream.of(
				arguments("the region with the lowest worst latency is chosen",
						List.of(lat("a", 30, "eu", 20, "us", 45), lat("b", 20, "eu", 40, "us", 30)), "eu"),
				arguments("ties go to the first region by name",
						List.of(lat("a", 30, "us", 20, "eu", 20), lat("b", 20, "us", 10, "eu", 10)), "eu"),
				arguments("a region beyond one player's bound is not chosen",
						List.of(lat("a", 30, "eu", 10, "us", 40), lat("b", 20, "eu", 60, "us", 45)), "us"),
				arguments("no common region: no match", List.of(lat("a", 30, "eu", 10), lat("b", 20, "us", 10)), null),
				arguments("a latency above the bound waits", List.of(lat("a", 10, "eu", 70), lat("b", 5, "eu", 10)), null),
				arguments("the bound widens with the ticket's own wait",
						List.of(lat("a", 20, "eu", 70), lat("b", 5, "eu", 10)), "eu"),
				arguments("but only for that ticket", List.of(lat("a", 20, "eu", 10), lat("b", 5, "eu", 70)), null),
				arguments("a ticket without latencies fits any region",
						List.of(lat("a", 30), lat("b", 20, "us", 30)), "us"),
				arguments("with no latencies at all the region is left open", List.of(lat("a", 30), lat("b", 20)), ""));
	}

	@ParameterizedTest(name = "first-come: {0}")
	@MethodSource("cases")
	void withFirstCome(String description, List<PoolTicket> tickets, String region) {
		check(firstCome(2, 1, false, WIDENING), tickets, region);
	}

	@ParameterizedTest(name = "rating: {0}")
	@MethodSource("cases")
	void withRating(String description, List<PoolTicket> tickets, String region) {
		check(rating(2, 1, false, WIDENING), tickets, region);
	}

	@ParameterizedTest(name = "{0}: latencies are ignored without region selection")
	@MethodSource("profilesWithoutRegions")
	void profilesWithoutRegionSelectionLeaveTheRegionOpen(String type, Profile profile) {
		List<PoolTicket> waiting = oldestFirst(lat("a", 30, "eu", 500), lat("b", 20, "us", 500));
		List<Proposal> proposals = Strategies.forProfile(profile).form(profile, waiting, NOW);
		assertThat(proposals).singleElement().satisfies((proposal) -> assertThat(proposal.region()).isNull());
	}

	static Stream<Arguments> profilesWithoutRegions() {
		return Stream.of(arguments("first-come", firstCome(2, 1)), arguments("rating", rating(2, 1, false, null)));
	}

	/** @param region the expected region, null for no match, "" for a match without a region */
	private static void check(Profile profile, List<PoolTicket> tickets, String region) {
		List<PoolTicket> waiting = oldestFirst(tickets.toArray(new PoolTicket[0]));
		List<Proposal> proposals = Strategies.forProfile(profile).form(profile, waiting, NOW);
		ProposalChecks.assertValid(profile, waiting, proposals, NOW);
		if (region == null) {
			assertThat(proposals).isEmpty();
		}
		else {
			assertThat(proposals).singleElement()
				.satisfies((proposal) -> assertThat(proposal.region()).isEqualTo(region.isEmpty() ? null : region));
		}
	}

	/** A solo rated 1500 who waited {@code waited} seconds, with latencies as name, ms pairs. */
	private static PoolTicket lat(String id, long waited, Object... latencies) {
		Map<String, Integer> measured = new TreeMap<>();
		for (int i = 0; i < latencies.length; i += 2) {
			measured.put((String) latencies[i], (Integer) latencies[i + 1]);
		}
		return ticket(id, waited, measured, 1500);
	}

}
