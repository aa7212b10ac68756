package dev.rivalry.ratings;

/**
 * The announcement that a player's rating in a profile changed, published on
 * {@link RatingKeys#channel()} by the same script that wrote it.
 *
 * @param profile the profile
 * @param player the player's id
 */
public record RatingChange(String profile, String player) {
}
