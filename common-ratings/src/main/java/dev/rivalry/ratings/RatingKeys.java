package dev.rivalry.ratings;

/**
 * The Redis layout of ratings, under the same prefix as every other key
 * ({@code rivalry.redis.key-prefix}). A player's keys share the player's hash tag, so the
 * compare-and-set script touches one Redis Cluster slot; different players live in
 * different slots, which is why a match's players are updated one by one.
 *
 * @param prefix prepended to every key and channel
 */
public record RatingKeys(String prefix) {

	public RatingKeys {
		prefix = (prefix != null) ? prefix : "";
	}

	/** The hash of a player's ratings: one field per profile, each the JSON of a {@link StoredRating}. */
	public String ratings(String playerId) {
		return this.prefix + "rating:{" + playerId + "}";
	}

	/** The sorted set of match ids already applied to a player's ratings, scored by time. */
	public String applied(String playerId) {
		return this.prefix + "rating:{" + playerId + "}:matches";
	}

	/** The pub/sub channel on which each rating change is announced, for readers' caches. */
	public String channel() {
		return this.prefix + "ratings";
	}

}
