package dev.rivalry.matchmaker.rating;

import java.util.Map;

/**
 * The body of {@code GET /v1/players/{id}/ratings}.
 *
 * @param player the player's id
 * @param ratings the player's rating in every profile, by profile name
 */
record PlayerRatingsView(String player, Map<String, RatingView> ratings) {
}
