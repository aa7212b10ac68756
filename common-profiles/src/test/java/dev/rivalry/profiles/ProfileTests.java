package dev.rivalry.profiles;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import dev.rivalry.profiles.RegionSelection.LatencyExpansion;
import dev.rivalry.profiles.Strategy.Expansion;
import dev.rivalry.profiles.filter.FieldPath;
import dev.rivalry.profiles.filter.Filter;

import static dev.rivalry.profiles.FilterCases.attributes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ProfileTests {

	private static final Strategy.Rating RATING = new Strategy.Rating(
			List.of(new Expansion(Duration.ZERO, 100), new Expansion(Duration.ofSeconds(10), 200),
					new Expansion(Duration.ofSeconds(30), 500)),
			FieldPath.of("skill"), 2, true,
			new RegionSelection(List.of(new LatencyExpansion(Duration.ZERO, Duration.ofMillis(50)),
					new LatencyExpansion(Duration.ofSeconds(20), Duration.ofMillis(100)))));

	private static final Profile RATED = profile("rated", RATING, new PoolKey(FieldPath.of("region"), false));

	private static final Profile CASUAL = profile("casual", new Strategy.FirstCome(2, false, null), null);

	@Test
	void playersPerMatchIsTeamCountTimesSize() {
		assertThat(RATED.playersPerMatch()).isEqualTo(4);
	}

	@ParameterizedTest(name = "after {0} ms: {1}")
	@CsvSource({ "-5, 100", "0, 100", "9999, 100", "10000, 200", "29999, 200", "30000, 500", "3600000, 500" })
	void ratingSpreadWidensAtEachExpansion(long waitedMillis, double spread) {
		assertThat(RATED.ratingSpreadAfter(Duration.ofMillis(waitedMillis))).isEqualTo(spread);
	}

	@Test
	void ratingSpreadIsUnboundedWithoutExpansions() {
		assertThat(CASUAL.ratingSpreadAfter(Duration.ofSeconds(5))).isInfinite();
		Profile noExpansions = profile("any", new Strategy.Rating(List.of(), null, 2, false, null), null);
		assertThat(noExpansions.ratingSpreadAfter(Duration.ZERO)).isInfinite();
	}

	@ParameterizedTest(name = "after {0} ms: {1} ms")
	@CsvSource({ "0, 50", "19999, 50", "20000, 100", "600000, 100" })
	void maxLatencyWidensAtEachLatencyExpansion(long waitedMillis, long maxLatencyMillis) {
		assertThat(RATED.maxLatencyAfter(Duration.ofMillis(waitedMillis)))
			.contains(Duration.ofMillis(maxLatencyMillis));
	}

	@Test
	void maxLatencyIsAbsentWithoutRegionSelection() {
		assertThat(CASUAL.maxLatencyAfter(Duration.ZERO)).isEmpty();
	}

	@ParameterizedTest(name = "after {0} ms: {1}")
	@CsvSource({ "0, 10000", "9999, 10000", "10000, 20000", "20000, 30000", "30000," })
	void nextExpansionIsTheEarliestLaterRatingOrLatencyStep(long waitedMillis, Long nextMillis) {
		Optional<Duration> expected = Optional.ofNullable(nextMillis).map(Duration::ofMillis);
		assertThat(RATED.nextExpansionAfter(Duration.ofMillis(waitedMillis))).isEqualTo(expected);
		assertThat(CASUAL.nextExpansionAfter(Duration.ofMillis(waitedMillis))).isEmpty();
	}

	static Stream<Arguments> pools() {
		return Stream.of(
				arguments(attributes("region", "eu"), "eu"),
				arguments(attributes("region", 7), "7"),
				arguments(attributes("region", 7L), "7"),
				arguments(attributes("region", 7.0), "7"),
				arguments(attributes("region", new BigDecimal("7.50")), "7.5"),
				arguments(attributes("region", 0.0), "0"),
				arguments(attributes("region", true), "true"),
				arguments(attributes("region", null), Profile.DEFAULT_POOL),
				arguments(attributes("region", " "), Profile.DEFAULT_POOL),
				arguments(attributes("region", List.of("eu")), Profile.DEFAULT_POOL),
				arguments(attributes("region", Map.of("eu", 1)), Profile.DEFAULT_POOL),
				arguments(attributes(), Profile.DEFAULT_POOL));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("pools")
	void poolIsTheCanonicalPoolKeyValueOrDefault(Map<String, Object> attributes, String pool) {
		assertThat(RATED.poolKeyOf(attributes)).isEqualTo(pool);
	}

	@Test
	void poolKeyMayBeADottedPath() {
		Profile profile = profile("nested", RATING, new PoolKey(FieldPath.of("geo.region"), false));
		assertThat(profile.poolKeyOf(attributes("geo", Map.of("region", "eu")))).isEqualTo("eu");
	}

	@Test
	void profileWithoutPoolKeyHasOnlyTheDefaultPool() {
		assertThat(CASUAL.poolKeyOf(attributes("region", "eu"))).isEqualTo(Profile.DEFAULT_POOL);
	}

	@ParameterizedTest(name = "''{0}'' among {1}: {2}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			eu           |           | true
			eu-7         |           | true
			1.5          |           | true
			e u          |           | false
			''           |           | false
			null         |           | false
			eu/1         |           | false
			eu           | eu,us,ap  | true
			ap           | eu,us,ap  | true
			EU           | eu,us,ap  | false
			de           | eu,us,ap  | false
			""")
	void aPoolKeyAdmitsWellFormedValuesAmongThoseItAllows(String pool, String allowed, boolean admitted) {
		List<String> values = (allowed != null) ? List.of(allowed.split(",")) : List.of();
		assertThat(new PoolKey(FieldPath.of("region"), false, values).admits(pool)).isEqualTo(admitted);
	}

	@Test
	void aPoolKeyAdmitsNoValueLongerThanSixtyFourCharacters() {
		PoolKey any = new PoolKey(FieldPath.of("region"), false);
		assertThat(any.admits("r".repeat(64))).isTrue();
		assertThat(any.admits("r".repeat(65))).isFalse();
	}

	@Test
	void requiredPoolKeyMakesTheProfileRefuseTicketsWithoutIt() {
		Profile required = profile("required", RATING, new PoolKey(FieldPath.of("region"), true));
		assertThat(required.matches(attributes("region", "eu"))).isTrue();
		assertThat(required.matches(attributes("region", ""))).isFalse();
		assertThat(required.matches(attributes())).isFalse();
		assertThat(RATED.matches(attributes())).isTrue();
	}

	@ParameterizedTest(name = "{0} players: {1}")
	@CsvSource({ "0, false", "1, true", "2, true", "3, false" })
	void admitsPartiesUpToTheMaximumSize(int players, boolean admitted) {
		assertThat(RATED.admitsParty(players)).isEqualTo(admitted);
	}

	@Test
	void ratingAttributeIsReadFromTheTicketWhenNumeric() {
		assertThat(RATING.ratingOf(attributes("skill", 1500))).hasValue(1500.0);
		assertThat(RATING.ratingOf(attributes("skill", "1500"))).isEmpty();
		assertThat(RATING.ratingOf(attributes("skill", Double.NaN))).isEmpty();
		assertThat(RATING.ratingOf(attributes())).isEmpty();
	}

	@Test
	void configIsCopiedAndUnmodifiable() {
		Map<String, Object> config = new HashMap<>();
		config.put("map", "arena");
		config.put("nothing", null);
		config.put("rounds", new ArrayList<>(List.of(1, 2)));
		Profile profile = new Profile("cfg", Filter.matchAll(), new Teams(2, 1), new Strategy.FirstCome(1, false, null),
				null, Duration.ZERO, Duration.ofMinutes(1), config, null);
		config.put("map", "changed");
		assertThat(profile.config()).containsEntry("map", "arena").containsEntry("nothing", null);
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> profile.config().put("x", 1));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> ((List<?>) profile.config().get("rounds")).clear());
	}

	@Test
	void recordsRefuseWhatTheLoaderRefuses() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Teams(0, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> profile("Bad_Name", RATING, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new Strategy.Rating(
				List.of(new Expansion(Duration.ofSeconds(1), 1)), null, 1, false, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new Strategy.Rating(
				List.of(new Expansion(Duration.ZERO, 2), new Expansion(Duration.ofSeconds(1), 1)), null, 1, false,
				null));
		assertThatIllegalArgumentException().isThrownBy(() -> new Profile("big-party", Filter.matchAll(),
				new Teams(2, 1), new Strategy.FirstCome(2, false, null), null, Duration.ZERO, Duration.ofMinutes(1),
				Map.of(), null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MatchProfiles.of(List.of(CASUAL, profile("casual", RATING, null))));
		assertThatIllegalArgumentException().isThrownBy(() -> MatchProfiles.of(List.of()));
	}

	@Test
	void matchProfilesFindsByName() {
		MatchProfiles profiles = MatchProfiles.of(List.of(RATED, CASUAL));
		assertThat(profiles.byName("casual")).contains(CASUAL);
		assertThat(profiles.byName("nope")).isEmpty();
		assertThat(profiles.byName(null)).isEmpty();
		assertThat(profiles.all()).containsExactly(RATED, CASUAL);
	}

	private static Profile profile(String name, Strategy strategy, PoolKey poolKey) {
		return new Profile(name, Filter.matchAll(), new Teams(2, 2), strategy, poolKey, Duration.ofMillis(100),
				Duration.ofMinutes(5), Map.of(), null);
	}

}
