package dev.rivalry.engine.strategy;

import dev.rivalry.profiles.Profile;
import dev.rivalry.profiles.Strategy;

/**
 * The matching strategy of each profile.
 */
public final class Strategies {

	private Strategies() {
	}

	/**
	 * @param profile a profile
	 * @return the (stateless, shared) strategy for its {@link Profile#strategy()} type
	 */
	public static MatchingStrategy forProfile(Profile profile) {
		Strategy strategy = profile.strategy();
		if (strategy instanceof Strategy.Rating) {
			return RatingStrategy.INSTANCE;
		}
		if (strategy instanceof Strategy.FirstCome) {
			return FirstComeStrategy.INSTANCE;
		}
		throw new IllegalArgumentException("no strategy for type " + strategy.type());
	}

}
