package dev.rivalry.engine.strategy;

import java.util.Objects;

/**
 * One player of a waiting ticket, as the strategies see it.
 *
 * @param id the player's id, never null
 * @param rating the player's rating, a finite number (ignored by {@code first-come}
 * unless it balances teams)
 */
public record PoolPlayer(String id, double rating) {

	public PoolPlayer {
		Objects.requireNonNull(id, "id");
		if (!Double.isFinite(rating)) {
			throw new IllegalArgumentException("rating of player '" + id + "' must be finite, not " + rating);
		}
	}

}
