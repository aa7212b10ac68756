package dev.rivalry.ratings;

/**
 * A player's skill in one profile, as OpenSkill (Weng–Lin) estimates it: a normal
 * distribution of mean {@code mu} and standard deviation {@code sigma}. Immutable.
 *
 * @param mu the skill estimate, on the scale of {@link OpenSkill.Parameters} (1500 for a
 * new player by default); the match engine compares players by it
 * @param sigma the uncertainty of {@code mu}, positive; it shrinks as matches are played
 * @param matches the number of results applied to this rating
 */
public record Rating(double mu, double sigma, long matches) {

	/** How many standard deviations {@link #ordinal()} stays below {@code mu}. */
	public static final double ORDINAL_Z = 3;

	public Rating {
		if (!Double.isFinite(mu)) {
			throw new IllegalArgumentException("mu must be finite, not " + mu);
		}
		if (!(sigma > 0) || Double.isInfinite(sigma)) {
			throw new IllegalArgumentException("sigma must be a positive finite number, not " + sigma);
		}
		if (matches < 0) {
			throw new IllegalArgumentException("matches must not be negative");
		}
	}

	/**
	 * The conservative estimate {@code mu - 3 sigma}: the skill the player has with about
	 * 99.7 % confidence. Fit for leaderboards; 0 for a new player on the default scale.
	 * @return the ordinal
	 */
	public double ordinal() {
		return this.mu - ORDINAL_Z * this.sigma;
	}

}
