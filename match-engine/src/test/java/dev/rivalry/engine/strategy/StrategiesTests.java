package dev.rivalry.engine.strategy;

import org.junit.jupiter.api.Test;

import static dev.rivalry.engine.strategy.Pools.firstCome;
import static dev.rivalry.engine.strategy.Pools.rating;
import static org.assertj.core.api.Assertions.assertThat;

class StrategiesTests {

	@Test
	void theProfilesStrategyTypePicksTheImplementation() {
		assertThat(Strategies.forProfile(firstCome(2, 1))).isSameAs(FirstComeStrategy.INSTANCE);
		assertThat(Strategies.forProfile(rating(2, 1, false, null))).isSameAs(RatingStrategy.INSTANCE);
	}

}
