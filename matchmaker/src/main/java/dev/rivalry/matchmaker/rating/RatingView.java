package dev.rivalry.matchmaker.rating;

import dev.rivalry.ratings.Rating;

/**
 * A rating as clients see it.
 *
 * @param mu the skill estimate (1500 for a new player by default); what matchmaking compares
 * @param sigma its uncertainty
 * @param ordinal {@code mu - 3 sigma}, the conservative estimate, for leaderboards
 * @param matches results applied to it
 */
public record RatingView(double mu, double sigma, double ordinal, long matches) {

	public static RatingView of(Rating rating) {
		return new RatingView(rating.mu(), rating.sigma(), rating.ordinal(), rating.matches());
	}

}
