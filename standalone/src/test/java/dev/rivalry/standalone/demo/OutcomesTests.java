package dev.rivalry.standalone.demo;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import dev.rivalry.tokens.Participant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Outcomes}: one place per team, and the stronger team wins more often the wider
 * the gap, never always.
 */
class OutcomesTests {

	@ParameterizedTest(name = "skills {0} vs {1}: the first wins between {2} and {3} of 1000")
	@CsvSource({ "1500, 1500, 400, 600", "1700, 1300, 800, 950", "1900, 1100, 950, 999" })
	void theStrongerTeamWinsMoreOftenTheWiderTheGap(double strong, double weak, int least, int most) {
		Outcomes outcomes = new Outcomes(Map.of("a1", strong, "a2", strong, "b1", weak, "b2", weak), new Random(42));
		List<Participant> match = List.of(new Participant("a1", 0), new Participant("a2", 0), new Participant("b1", 1),
				new Participant("b2", 1));
		int wins = 0;
		for (int i = 0; i < 1000; i++) {
			List<Integer> ranks = outcomes.ranks(match);
			assertThat(ranks).containsExactlyInAnyOrder(1, 2);
			wins += (ranks.get(0) == 1) ? 1 : 0;
		}
		assertThat(wins).isBetween(least, most);
	}

	@ParameterizedTest(name = "{0} teams get the places 1 to {0}")
	@CsvSource({ "2", "3", "8" })
	void everyTeamGetsItsOwnPlace(int teams) {
		Outcomes outcomes = new Outcomes(Map.of(), new Random(1));
		List<Participant> match = IntStream.range(0, teams)
			.mapToObj((team) -> new Participant("p" + team, team))
			.toList();
		assertThat(outcomes.ranks(match)).hasSize(teams)
			.containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, teams).boxed().toList());
	}

}
