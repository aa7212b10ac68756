package dev.rivalry.ratings;

import java.util.Objects;

/**
 * A rating as stored, with the version that guards its updates.
 *
 * @param rating the rating
 * @param version 0 for a player never rated in the profile (the rating is then the
 * default), growing by one with every applied result
 */
public record StoredRating(Rating rating, long version) {

	public StoredRating {
		Objects.requireNonNull(rating, "rating");
		if (version < 0) {
			throw new IllegalArgumentException("version must not be negative");
		}
	}

	/** @return whether no result was ever applied to this rating */
	public boolean isDefault() {
		return this.version == 0;
	}

}
