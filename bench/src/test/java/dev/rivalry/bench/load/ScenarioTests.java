package dev.rivalry.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import dev.rivalry.profiles.MatchProfiles;
import dev.rivalry.profiles.Profile;
import dev.rivalry.profiles.ProfilesLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class ScenarioTests {

	private static final int DRAWS = 100_000;

	@ParameterizedTest(name = "{0}")
	@CsvSource(textBlock = """
			duel-first-come, DUEL_FIRST_COME, duel-first-come
			duel-rating,     DUEL_RATING,     duel
			squad,           SQUAD,           squad
			arena,           ARENA,           arena
			sse-hold,        SSE_HOLD,        hold
			""")
	void ofFindsTheScenarioByItsId(String id, Scenario expected, String profile) {
		assertThat(Scenario.of(id)).isEqualTo(expected);
		assertThat(expected.id()).isEqualTo(id);
		assertThat(expected.profile()).isEqualTo(profile);
	}

	@ParameterizedTest(name = "''{0}''")
	@ValueSource(strings = { "trio", "SQUAD", "duel", "" })
	void anUnknownScenarioListsTheKnownOnes(String id) {
		// "duel" is a profile, not a scenario: the command line takes scenario ids only.
		assertThatIllegalArgumentException().isThrownBy(() -> Scenario.of(id))
			.withMessage("--scenario: unknown scenario '" + id + "'; one of duel-first-come, duel-rating, squad, arena, sse-hold");
	}

	@Test
	void squadPartiesFollowTheDocumentedDistribution() {
		SplittableRandom random = new SplittableRandom(20261121);
		int[] tickets = new int[6];
		for (int i = 0; i < DRAWS; i++) {
			tickets[Scenario.SQUAD.partySize(random)]++;
		}

		// 55 % solos, then parties of 2 to 5 players; 100,000 draws keep the noise far below a point.
		double[] percents = { 55, 18, 12, 9, 6 };
		for (int size = 1; size <= 5; size++) {
			assertThat(100.0 * tickets[size] / DRAWS).as("percent of parties of %d", size)
				.isCloseTo(percents[size - 1], within(1.0));
		}
		assertThat(tickets[0]).isZero();
	}

	@ParameterizedTest
	@EnumSource(names = { "DUEL_FIRST_COME", "DUEL_RATING" })
	void duelsAreAlwaysSolo(Scenario duel) {
		SplittableRandom random = new SplittableRandom(7);

		assertThat(IntStream.range(0, DRAWS).map((i) -> duel.partySize(random))).containsOnly(1);
	}

	@Test
	void theSameSeedDrawsTheSameParties() {
		// --seed makes a run's tickets reproducible.
		SplittableRandom first = new SplittableRandom(1);
		SplittableRandom second = new SplittableRandom(1);

		assertThat(IntStream.range(0, 1000).map((i) -> Scenario.SQUAD.partySize(first)).toArray())
			.isEqualTo(IntStream.range(0, 1000).map((i) -> Scenario.SQUAD.partySize(second)).toArray());
	}

	@ParameterizedTest
	@EnumSource(mode = EnumSource.Mode.EXCLUDE, names = "SSE_HOLD")
	void attributesSelectTheProfileInTheRegion(Scenario scenario) {
		assertThat(scenario.attributes("eu", 7)).isEqualTo(Map.of("mode", scenario.profile(), "region", "eu"));
		assertThat(scenario.attributes("ap", 8)).containsEntry("region", "ap");
	}

	@Test
	void heldTicketsEachGetAPoolOfTheirOwn() {
		// Nobody to match with: the streams stay open until the end of the run cancels them.
		assertThat(Scenario.SSE_HOLD.attributes("eu", 7)).isEqualTo(Map.of("mode", "hold", "region", "eu-7"));
		assertThat(Scenario.SSE_HOLD.attributes("eu", 8)).containsEntry("region", "eu-8");
	}

	@ParameterizedTest
	@EnumSource
	void theBenchProfilesServeEveryScenario(Scenario scenario) throws IOException {
		// bench/profiles.yml is what the stack runs with: a scenario's tickets must land in its profile, pooled by region.
		MatchProfiles profiles = ProfilesLoader.load(Path.of("profiles.yml"));
		Map<String, Object> attributes = scenario.attributes("us", 3);

		assertThat(profiles.firstMatching(attributes)).map(Profile::name).contains(scenario.profile());
		Profile profile = profiles.byName(scenario.profile()).orElseThrow();
		assertThat(profile.poolKeyOf(attributes)).isEqualTo(attributes.get("region"));
		int largestParty = (scenario == Scenario.SQUAD) ? 5 : 1;
		assertThat(profile.admitsParty(largestParty)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "duel", "squad" })
	void theBenchFileCopiesTheDefaultProfilesUnchanged(String name) throws IOException {
		// One profile file per stack: bench/profiles.yml repeats the defaults it measures, so a
		// change to the defaults must reach it, or the figures would measure something else.
		String defaults = new String(ProfilesLoader.class.getResourceAsStream("/profiles.yml").readAllBytes(),
				StandardCharsets.UTF_8);
		Profile expected = ProfilesLoader.parse("profiles.yml", defaults).byName(name).orElseThrow();
		Profile copy = ProfilesLoader.load(Path.of("profiles.yml")).byName(name).orElseThrow();

		assertThat(copy.filter().toMap()).isEqualTo(expected.filter().toMap());
		assertThat(copy).usingRecursiveComparison().ignoringFields("filter").isEqualTo(expected);
	}

}
