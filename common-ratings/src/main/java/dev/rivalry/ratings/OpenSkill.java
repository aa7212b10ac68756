package dev.rivalry.ratings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.pocketcombats.openskill.Adjudicator;
import com.pocketcombats.openskill.RatingModelConfig;
import com.pocketcombats.openskill.aggregate.DefaultTeamRatingAggregator;
import com.pocketcombats.openskill.data.MatchMakingRating;
import com.pocketcombats.openskill.data.PlayerResult;
import com.pocketcombats.openskill.data.RatingAdjustment;
import com.pocketcombats.openskill.data.SimplePlayerResult;
import com.pocketcombats.openskill.data.SimpleTeamResult;
import com.pocketcombats.openskill.data.TeamResult;
import com.pocketcombats.openskill.model.PlackettLuce;

/**
 * OpenSkill's Weng–Lin rating with the Plackett–Luce model: new ratings for every player
 * of a match from the teams' ranks. Thread safe and pure (no I/O).
 * <p>
 * The arithmetic is {@code com.pocketcombats:openskill}'s, which reproduces the reference
 * implementations' test vectors (openskill.py, openskill.js; see {@code OpenSkillTests}).
 * The library's types stay inside this class.
 */
public final class OpenSkill {

	private final Parameters parameters;

	private final DefaultTeamRatingAggregator teams;

	private final Adjudicator<Integer> adjudicator;

	public OpenSkill(Parameters parameters) {
		this.parameters = Objects.requireNonNull(parameters, "parameters");
		RatingModelConfig config = RatingModelConfig.builder()
			.setBeta(parameters.beta())
			.setTau(parameters.tau())
			.setKappa(parameters.kappa())
			.build();
		this.teams = new DefaultTeamRatingAggregator(config);
		this.adjudicator = new Adjudicator<>(config, new PlackettLuce(config));
	}

	public Parameters parameters() {
		return this.parameters;
	}

	/** @return the rating of a player who has played no match */
	public Rating initial() {
		return this.parameters.initial();
	}

	/**
	 * Rates one match.
	 * @param teams the players' ratings before the match, team by team (at least two
	 * teams, none empty)
	 * @param ranks each team's place, in the order of {@code teams}: 1 is best, equal
	 * ranks are a draw
	 * @return the ratings after the match, in the same shape, each with one more match
	 */
	public List<List<Rating>> rate(List<List<Rating>> teams, List<Integer> ranks) {
		if (teams.size() < 2 || teams.size() != ranks.size()) {
			throw new IllegalArgumentException("a match needs at least two teams and one rank per team");
		}
		List<TeamResult<Integer>> results = new ArrayList<>(teams.size());
		int index = 0;
		for (int team = 0; team < teams.size(); team++) {
			if (teams.get(team).isEmpty()) {
				throw new IllegalArgumentException("team " + team + " has no players");
			}
			List<PlayerResult<Integer>> players = new ArrayList<>();
			for (Rating rating : teams.get(team)) {
				// Ids only need to be distinct: the library tells teams apart by value.
				players.add(new SimplePlayerResult<>(index++, rating.mu(), rating.sigma()));
			}
			MatchMakingRating aggregate = this.teams.computeTeamRating(players);
			results.add(new SimpleTeamResult<>(aggregate.mu(), aggregate.sigma(), ranks.get(team), players));
		}
		Rating[] rated = new Rating[index];
		for (RatingAdjustment<Integer> adjustment : this.adjudicator.rate(results)) {
			rated[adjustment.playerId()] = new Rating(adjustment.mu(), adjustment.sigma(), 0);
		}
		List<List<Rating>> after = new ArrayList<>(teams.size());
		index = 0;
		for (List<Rating> team : teams) {
			List<Rating> players = new ArrayList<>(team.size());
			for (Rating before : team) {
				Rating adjusted = rated[index++];
				players.add(new Rating(adjusted.mu(), adjusted.sigma(), before.matches() + 1));
			}
			after.add(List.copyOf(players));
		}
		return List.copyOf(after);
	}

	/**
	 * The model's parameters. Weng–Lin is invariant under scaling: multiplying
	 * {@code mu}, {@code sigma}, {@code beta} and {@code tau} by one factor multiplies every
	 * result by it ({@code kappa} has no unit). {@link #DEFAULT} is the reference
	 * parameters times 60, so ratings read like Elo's (1500 for a new player) and the
	 * profiles' rating spreads are in the same unit as {@code mu}.
	 *
	 * @param mu the mean of a new player's rating
	 * @param sigma the standard deviation of a new player's rating
	 * @param beta the spread of one performance around the skill: between two players whose
	 * ratings are certain, a lead of {@code beta} wins about two duels in three
	 * @param tau the uncertainty added before each match, so ratings keep moving
	 * @param kappa the floor of the factor by which a match may shrink {@code sigma}
	 */
	public record Parameters(double mu, double sigma, double beta, double tau, double kappa) {

		/** openskill.py's and openskill.js's defaults: 25, 25/3, 25/6, 25/300, 0.0001. */
		public static final Parameters REFERENCE = new Parameters(25, 25.0 / 3, 25.0 / 6, 25.0 / 300, 0.0001);

		/** {@link #REFERENCE} times 60, written out exactly: 1500, 500, 250, 5, 0.0001. */
		public static final Parameters DEFAULT = new Parameters(1500, 500, 250, 5, 0.0001);

		public Parameters {
			if (!Double.isFinite(mu)) {
				throw new IllegalArgumentException("mu must be finite");
			}
			positive(sigma, "sigma");
			positive(beta, "beta");
			if (!(tau >= 0) || Double.isInfinite(tau)) {
				throw new IllegalArgumentException("tau must be a finite number >= 0");
			}
			positive(kappa, "kappa");
		}

		/**
		 * @param factor the unit change, positive
		 * @return these parameters in a unit {@code factor} times smaller
		 */
		public Parameters scaled(double factor) {
			positive(factor, "factor");
			return new Parameters(this.mu * factor, this.sigma * factor, this.beta * factor, this.tau * factor,
					this.kappa);
		}

		/** @return the rating of a player who has played no match */
		public Rating initial() {
			return new Rating(this.mu, this.sigma, 0);
		}

		private static void positive(double value, String name) {
			if (!(value > 0) || Double.isInfinite(value)) {
				throw new IllegalArgumentException(name + " must be a positive finite number, not " + value);
			}
		}

	}

}
