package dev.rivalry.ratings;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * The Plackett–Luce model against the reference implementations' published test vectors,
 * at the reference scale and at Rivalry's (60 times larger).
 * <p>
 * Sources of the numbers (inputs and expected outputs copied, nothing recomputed):
 * <ul>
 * <li>openskill.js, {@code src/__tests__/rate.test.ts} (philihp/openskill.js): "reverses
 * rank" (1v1), "rate accepts and runs a placket-luce model by default for teams" (2v2 of
 * mixed ratings), "rate accepts and runs a placket-luce model by default" (4-player
 * free-for-all), "allows ties" and "four-way-tie with newbies" (draws). openskill.js's
 * {@code rate} applies its default {@code tau} of 25/300, as here.</li>
 * <li>openskill.py 6.2.0, {@code tests/models/data/plackettluce.json} (as vendored
 * verbatim in openskill.js {@code src/__tests__/data/}), scenarios {@code normal} (1 vs 2
 * players), {@code ranks} (teams of 1, 2, 1, 2 ranked 2, 1, 4, 3) and {@code ties} (teams
 * of 1, 2, 3 ranked 1, 2, 1), every player starting at the file's {@code model} rating,
 * with openskill.py's default beta 25/6 and tau 25/300.</li>
 * </ul>
 */
class OpenSkillTests {

	static final OpenSkill reference = new OpenSkill(OpenSkill.Parameters.REFERENCE);

	static final double PY_MU = 20.35125162611535;

	static final double PY_SIGMA = 8.33148112355601;

	static Stream<Arguments> vectors() {
		Rating fresh = OpenSkill.Parameters.REFERENCE.initial();
		Rating a1 = r(29.182, 4.782);
		Rating b1 = r(27.174, 4.922);
		Rating c1 = r(16.672, 6.217);
		Rating py = r(PY_MU, PY_SIGMA);
		return Stream.of(
				Arguments.of("1v1, openskill.js 'reverses rank'", teams(List.of(fresh), List.of(fresh)), List.of(2, 1),
						teams(List.of(r(22.364610506859503, 8.06590141354368)),
								List.of(r(27.635389493140497, 8.06590141354368)))),
				Arguments.of("2v2 of mixed ratings, openskill.js 'by default for teams'",
						teams(List.of(a1, b1), List.of(c1, fresh)), List.of(1, 2),
						teams(List.of(r(29.607340941337068, 4.755311788972862), r(27.624602782532037, 4.892807828777459)),
								List.of(r(15.953170429143093, 6.125902065139878),
										r(23.70858117648013, 8.111707446126035)))),
				Arguments.of("4-player free-for-all, openskill.js 'by default'",
						teams(List.of(a1), List.of(b1), List.of(c1), List.of(fresh)), List.of(1, 2, 3, 4),
						teams(List.of(r(30.210227447000438, 4.765617924939384)),
								List.of(r(27.644725221915632, 4.883479590134575)),
								List.of(r(17.4036218889969, 6.101259408259549)),
								List.of(r(19.21460876538932, 7.854669920480409)))),
				Arguments.of("uneven teams 1 vs 2, openskill.py 'normal'", teams(List.of(py), List.of(py, py)),
						List.of(1, 2),
						teams(List.of(r(23.855123082692877, 8.22447878583752)),
								List.of(r(16.84738016953782, 8.179571171464575), r(16.84738016953782, 8.179571171464575)))),
				Arguments.of("uneven teams 1, 2, 1, 2, openskill.py 'ranks'",
						teams(List.of(py), List.of(py, py), List.of(py), List.of(py, py)), List.of(2, 1, 4, 3),
						teams(List.of(r(22.35555943890167, 8.265434830225024)),
								List.of(r(22.373451456616035, 8.258479912445537), r(22.373451456616035, 8.258479912445537)),
								List.of(r(18.311159777900297, 8.219170401234347)),
								List.of(r(18.364835831043397, 8.112716571808326), r(18.364835831043397, 8.112716571808326)))),
				Arguments.of("draw for first of uneven teams, openskill.py 'ties'",
						teams(List.of(py), List.of(py, py), List.of(py, py, py)), List.of(1, 2, 1),
						teams(List.of(r(21.63766806988004, 8.310709773172306)),
								List.of(r(19.53956360838512, 8.268148437657915), r(19.53956360838512, 8.268148437657915)),
								List.of(r(19.87652320008089, 8.237522411103104), r(19.87652320008089, 8.237522411103104),
										r(19.87652320008089, 8.237522411103104)))),
				Arguments.of("draw for second, openskill.js 'allows ties'",
						teams(List.of(r(10, 8)), List.of(r(5, 10)), List.of(r(0, 12))), List.of(1, 2, 2),
						teams(List.of(r(11.942996666741225, 7.926888197620324)),
								List.of(r(2.9381178546315034, 9.653804487570165)),
								List.of(r(-1.4024317012198733, 11.323641575516767)))),
				Arguments.of("four-way draw of new players, openskill.js 'four-way-tie with newbies'",
						teams(List.of(fresh), List.of(fresh), List.of(fresh), List.of(fresh)), List.of(1, 1, 1, 1),
						teams(List.of(r(25, 8.263571791259416)), List.of(r(25, 8.263571791259416)),
								List.of(r(25, 8.263571791259416)), List.of(r(25, 8.263571791259416)))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("vectors")
	void reproducesTheReferenceVectors(String name, List<List<Rating>> before, List<Integer> ranks,
			List<List<Rating>> expected) {
		assertClose(reference.rate(before, ranks), expected, 1);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("vectors")
	void reproducesTheReferenceVectorsSixtyTimesLargerOnRivalrysScale(String name, List<List<Rating>> before,
			List<Integer> ranks, List<List<Rating>> expected) {
		OpenSkill rivalry = new OpenSkill(OpenSkill.Parameters.DEFAULT);
		assertClose(rivalry.rate(scale(before, 60), ranks), scale(expected, 60), 60);
	}

	@Test
	void rivalrysScaleStartsNewPlayersAt1500WithAnOrdinalOfZero() {
		Rating initial = new OpenSkill(OpenSkill.Parameters.DEFAULT).initial();
		assertThat(initial.mu()).isEqualTo(1500);
		assertThat(initial.sigma()).isCloseTo(500, within(1e-9));
		assertThat(initial.ordinal()).isCloseTo(0, within(1e-9));
		assertThat(initial.matches()).isZero();
	}

	@Test
	void rivalrysParametersAreTheReferenceOnesTimesSixty() {
		OpenSkill.Parameters scaled = OpenSkill.Parameters.REFERENCE.scaled(60);
		OpenSkill.Parameters rivalry = OpenSkill.Parameters.DEFAULT;
		assertThat(rivalry.mu()).isCloseTo(scaled.mu(), within(1e-9));
		assertThat(rivalry.sigma()).isCloseTo(scaled.sigma(), within(1e-9));
		assertThat(rivalry.beta()).isCloseTo(scaled.beta(), within(1e-9));
		assertThat(rivalry.tau()).isCloseTo(scaled.tau(), within(1e-9));
		assertThat(rivalry.kappa()).isEqualTo(scaled.kappa());
	}

	@Test
	void everyRatedPlayerCountsOneMoreMatch() {
		Rating veteran = new Rating(1600, 100, 41);
		Rating rookie = OpenSkill.Parameters.DEFAULT.initial();
		List<List<Rating>> after = new OpenSkill(OpenSkill.Parameters.DEFAULT)
			.rate(teams(List.of(veteran), List.of(rookie)), List.of(1, 2));
		assertThat(after.get(0).get(0).matches()).isEqualTo(42);
		assertThat(after.get(1).get(0).matches()).isOne();
	}

	@Test
	void aMatchNeedsTwoTeamsOneRankEachAndPlayersOnEveryTeam() {
		Rating fresh = reference.initial();
		assertThatIllegalArgumentException().isThrownBy(() -> reference.rate(teams(List.of(fresh)), List.of(1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> reference.rate(teams(List.of(fresh), List.of(fresh)), List.of(1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> reference.rate(teams(List.of(fresh), List.of()), List.of(1, 2)));
	}

	/** Within 1e-9 of the reference unit: the library is bit-for-bit in most cases, a few ULPs in others. */
	private static void assertClose(List<List<Rating>> actual, List<List<Rating>> expected, double unit) {
		assertThat(actual).hasSameSizeAs(expected);
		for (int team = 0; team < expected.size(); team++) {
			assertThat(actual.get(team)).hasSameSizeAs(expected.get(team));
			for (int player = 0; player < expected.get(team).size(); player++) {
				Rating got = actual.get(team).get(player);
				Rating want = expected.get(team).get(player);
				assertThat(got.mu()).as("mu of team %d player %d", team, player).isCloseTo(want.mu(), within(1e-9 * unit));
				assertThat(got.sigma()).as("sigma of team %d player %d", team, player)
					.isCloseTo(want.sigma(), within(1e-9 * unit));
			}
		}
	}

	private static List<List<Rating>> scale(List<List<Rating>> teams, double factor) {
		List<List<Rating>> scaled = new ArrayList<>();
		for (List<Rating> team : teams) {
			scaled.add(team.stream().map((r) -> new Rating(r.mu() * factor, r.sigma() * factor, r.matches())).toList());
		}
		return scaled;
	}

	@SafeVarargs
	private static List<List<Rating>> teams(List<Rating>... teams) {
		return List.of(teams);
	}

	private static Rating r(double mu, double sigma) {
		return new Rating(mu, sigma, 0);
	}

}
