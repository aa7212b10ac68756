package dev.rivalry.client;

import java.util.Map;

/**
 * A player's ratings, one per profile (docs/ratings.md): the answer of
 * {@code GET /v1/players/{id}/ratings}.
 *
 * @param player the player
 * @param ratings the rating in each profile, in profile order
 */
public record Ratings(String player, Map<String, Rating> ratings) {

	/**
	 * One profile's rating.
	 *
	 * @param mu the estimate (1500 for a new player)
	 * @param sigma its uncertainty
	 * @param ordinal {@code mu − 3·sigma}, the conservative estimate for leaderboards
	 * @param matches how many rated matches it counts
	 */
	public record Rating(double mu, double sigma, double ordinal, int matches) {
	}

}
