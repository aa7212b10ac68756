package dev.rivalry.engine.strategy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.rivalry.profiles.Profile;

import static dev.rivalry.engine.strategy.Pools.NOW;
import static dev.rivalry.engine.strategy.Pools.ids;
import static dev.rivalry.engine.strategy.Pools.leftover;
import static dev.rivalry.engine.strategy.Pools.oldestFirst;
import static dev.rivalry.engine.strategy.Pools.rating;
import static dev.rivalry.engine.strategy.Pools.solo;
import static dev.rivalry.engine.strategy.Pools.spread;
import static dev.rivalry.engine.strategy.Pools.ticket;
import static org.assertj.core.api.Assertions.assertThat;

class RatingStrategyTests {

	private final MatchingStrategy strategy = RatingStrategy.INSTANCE;

	/** 1v1: 100 from the start, 200 after 10 s, 500 after 30 s. */
	private final Profile duel = rating(2, 1, false, null, spread(0, 100), spread(10, 200), spread(30, 500));

	@Test
	void matchesPlayersWithinTheSpread() {
		List<PoolTicket> waiting = oldestFirst(solo("a", 1500, 1), solo("b", 1590, 0));
		assertThat(ids(this.strategy.form(this.duel, waiting, NOW))).containsExactly(List.of(List.of("a"), List.of("b")));
	}

	@ParameterizedTest(name = "ratings 1500 and {0}, both waiting {1}s: matched {2}")
	@CsvSource({
			"1600, 0, true",
			"1601, 0, false",
			"1700, 9, false",
			"1700, 10, true",
			"1900, 29, false",
			"1900, 30, true",
			"2001, 300, false" })
	void aPairOutsideTheSpreadWaitsUntilAnExpansionWidensIt(double other, long waited, boolean matched) {
		List<PoolTicket> waiting = oldestFirst(solo("a", 1500, waited), solo("b", other, waited));
		List<Proposal> proposals = this.strategy.form(this.duel, waiting, NOW);
		assertThat(proposals).hasSize(matched ? 1 : 0);
	}

	@Test
	void theRetryIsScheduledAtTheExpansionThatMatchesThem() {
		List<PoolTicket> waiting = oldestFirst(solo("a", 1500, 4), solo("b", 1700, 2));
		assertThat(this.strategy.form(this.duel, waiting, NOW)).isEmpty();
		Optional<Instant> retry = this.strategy.nextChance(this.duel, waiting, NOW);
		assertThat(retry).contains(NOW.plusSeconds(6));
		assertThat(this.strategy.form(this.duel, waiting, retry.get())).hasSize(1);
	}

	@Test
	void theOldestTicketsSpreadDecides() {
		List<PoolTicket> waiting = oldestFirst(solo("old", 1500, 30), solo("new", 1900, 0));
		assertThat(this.strategy.form(this.duel, waiting, NOW)).hasSize(1);
	}

	@Test
	void theOldestTicketIsMatchedWithTheNearestRating() {
		List<PoolTicket> waiting = oldestFirst(solo("old", 1500, 30), solo("far", 1410, 3), solo("near", 1560, 2),
				solo("nearest", 1490, 1));
		List<Proposal> proposals = this.strategy.form(this.duel, waiting, NOW);
		assertThat(ids(proposals).get(0)).containsExactly(List.of("old"), List.of("nearest"));
	}

	@ParameterizedTest(name = "{0} teams of {1} from {2}: team sums differ by {3}")
	@CsvSource(delimiter = ';', value = {
			"2; 2; 1000 1100 1200 1300; 0",
			"2; 2; 1000 1000 1000 1600; 600",
			"2; 3; 2000 1500 1400 1300 1200 1000; 0",
			"2; 5; 1000 1100 1200 1300 1400 1500 1600 1700 1800 1900; 100",
			"2; 5; 1500 1500 1500 1500 1500 1500 1500 1500 1500 2500; 1000",
			"3; 2; 1000 1100 1200 1300 1400 1500; 0",
			"4; 2; 1000 1100 1200 1300 1400 1500 1600 1700; 0",
			"3; 3; 1000 1000 1000 1300 1300 1300 1600 1600 1600; 0" })
	void balancesTeamsBySummedRating(int teams, int size, String ratings, double difference) {
		List<PoolTicket> waiting = new ArrayList<>();
		double[] values = Arrays.stream(ratings.split(" ")).mapToDouble(Double::parseDouble).toArray();
		for (int i = 0; i < values.length; i++) {
			waiting.add(solo("p" + i, values[i], 100 - i));
		}
		List<Proposal> proposals = this.strategy.form(rating(teams, size, true, null), waiting, NOW);
		assertThat(proposals).hasSize(1);
		double[] sums = proposals.get(0).teams().stream().mapToDouble(RatingStrategyTests::sum).toArray();
		assertThat(Arrays.stream(sums).max().getAsDouble() - Arrays.stream(sums).min().getAsDouble())
			.isEqualTo(difference);
	}

	@Test
	void balancingMatchesTheBestSplitOnRandomMatchesWithParties() {
		Random random = new Random(7);
		Profile squad = rating(2, 5, true, null);
		for (int run = 0; run < 500; run++) {
			List<PoolTicket> waiting = new ArrayList<>();
			for (int players = 0, i = 0; players < 10; i++) {
				int size = Math.min(10 - players, 1 + random.nextInt(3));
				double[] ratings = random.doubles(size, 1000, 2000).map(Math::rint).toArray();
				waiting.add(ticket("t" + i, 100 - i, Map.of(), ratings));
				players += size;
			}
			List<Proposal> proposals = this.strategy.form(squad, waiting, NOW);
			if (proposals.isEmpty()) {
				continue;
			}
			Proposal match = proposals.get(0);
			double difference = Math.abs(sum(match.teams().get(0)) - sum(match.teams().get(1)));
			assertThat(difference).as("run %d: %s", run, match).isEqualTo(bestSplit(match.tickets(), 5));
		}
	}

	@Test
	void partiesAreRatedByTheirMeanAndStayTogether() {
		Profile twoVersusTwo = rating(2, 2, true, null, spread(0, 50));
		List<PoolTicket> waiting = oldestFirst(ticket("duo", 20, Map.of(), 1400, 1600), solo("a", 1520, 10),
				solo("b", 1480, 5), solo("far", 1700, 1));
		List<Proposal> proposals = this.strategy.form(twoVersusTwo, waiting, NOW);
		assertThat(proposals).hasSize(1);
		assertThat(ids(proposals.get(0)).get(0)).containsExactly("duo");
		assertThat(ids(proposals.get(0)).get(1)).containsExactlyInAnyOrder("a", "b");
		assertThat(leftover(waiting, proposals)).containsExactly("far");
	}

	@Test
	void partiesThatNearestFirstCannotSeatAreSeatedByTheExactSearch() {
		// nearest first puts both duos on one team, leaving two trios for the other's 5 seats;
		// the young trios' own spread (2) is too narrow for them to lead a match
		List<PoolTicket> waiting = oldestFirst(ticket("duo", 20, Map.of(), 1500, 1500),
				ticket("duo2", 15, Map.of(), 1501, 1501), ticket("trio", 1, Map.of(), 1505, 1505, 1505),
				ticket("trio2", 0, Map.of(), 1509, 1509, 1509));
		Profile fiveVersusFive = rating(2, 5, false, null, spread(0, 2), spread(10, 10));
		List<Proposal> proposals = this.strategy.form(fiveVersusFive, waiting, NOW);
		ProposalChecks.assertValid(fiveVersusFive, waiting, proposals, NOW);
		assertThat(proposals).singleElement().satisfies((match) -> assertThat(match.tickets()).hasSize(4));
	}

	@ParameterizedTest(name = "with no spread, {0} meets {1}, not {2}")
	@CsvSource({
			"1500.0000001, 1500.0000001, 1500.0000002",
			"-100, -100, -100.00001",
			"0, -0.0, 0.000001",
			"1e9, 1e9, 999999999.9999999" })
	void ratingsAreComparedExactlyWhateverTheirSign(double a, double b, double other) {
		Profile exact = rating(2, 1, false, null, spread(0, 0));
		List<PoolTicket> waiting = oldestFirst(solo("a", a, 3), solo("other", other, 2), solo("b", b, 1));
		List<Proposal> proposals = this.strategy.form(exact, waiting, NOW);
		assertThat(proposals).singleElement()
			.satisfies((match) -> assertThat(match.tickets()).extracting(PoolTicket::id).containsExactly("a", "b"));
	}

	@Test
	void withoutExpansionsEveryoneCanMeet() {
		List<PoolTicket> waiting = oldestFirst(solo("a", 100, 2), solo("b", 3000, 1));
		assertThat(this.strategy.form(rating(2, 1, false, null), waiting, NOW)).hasSize(1);
		assertThat(this.strategy.nextChance(rating(2, 1, false, null), waiting, NOW)).isEmpty();
	}

	private static double sum(List<PoolTicket> team) {
		return team.stream().mapToDouble((ticket) -> ticket.rating() * ticket.size()).sum();
	}

	/** The smallest difference of any split into two teams of {@code size} players, by brute force. */
	private static double bestSplit(List<PoolTicket> tickets, int size) {
		double total = tickets.stream().mapToDouble((ticket) -> ticket.rating() * ticket.size()).sum();
		double best = Double.POSITIVE_INFINITY;
		for (int mask = 0; mask < (1 << tickets.size()); mask++) {
			int players = 0;
			double sum = 0;
			for (int i = 0; i < tickets.size(); i++) {
				if ((mask & (1 << i)) != 0) {
					players += tickets.get(i).size();
					sum += tickets.get(i).rating() * tickets.get(i).size();
				}
			}
			if (players == size) {
				best = Math.min(best, Math.abs(total - 2 * sum));
			}
		}
		return best;
	}

}
