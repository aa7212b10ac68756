package dev.rivalry.bench.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FaultTimelineTests {

	/** A match every 250 ms from 0 to {@code until}, skipping {@code [gapFrom, gapTo)}. */
	private static List<Long> matches(long until, long gapFrom, long gapTo) {
		List<Long> times = new ArrayList<>();
		for (long t = 0; t <= until; t += 250) {
			if (t < gapFrom || t >= gapTo) {
				times.add(t);
			}
		}
		return times;
	}

	@Test
	void aPoolThatStopsMatchingAfterTheFaultIsAStallThatEndsWithItsNextMatch() {
		FaultTimeline.Result result = FaultTimeline.measure(
				Map.of("eu", matches(60_000, 20_000, 27_000), "us", matches(60_000, 0, 0)), 0, 20_000, 20_000, 60_000);
		assertThat(result.pools()).isEqualTo(2);
		assertThat(result.stalledPools()).isEqualTo(1);
		assertThat(result.longestStallPool()).isEqualTo("eu");
		assertThat(result.longestStallMillis()).isEqualTo(7250);
		assertThat(result.recoveryMillis()).isEqualTo(7000);
	}

	@Test
	void theWarmUpsSlowStartIsNotAPoolsNormal() {
		List<Long> times = new ArrayList<>(List.of(0L, 5_000L));
		times.addAll(matches(60_000, 0, 10_000).stream().filter((t) -> t > 5_000).toList());
		times.removeIf((t) -> t > 30_000 && t < 36_000);
		FaultTimeline.Result result = FaultTimeline.measure(Map.of("eu", times), 10_000, 30_000, 30_000, 60_000);
		assertThat(result.stalledPools()).isEqualTo(1);
		assertThat(result.recoveryMillis()).isEqualTo(6_000);
	}

	@Test
	void aGapLongAfterTheFaultWasUndoneIsNotTheFaults() {
		List<Long> times = matches(60_000, 50_000, 54_000);
		FaultTimeline.Result result = FaultTimeline.measure(Map.of("eu", times), 0, 20_000, 25_000, 60_000);
		assertThat(result.stalledPools()).isZero();
		assertThat(result.recoveryMillis()).isZero();
	}

	@Test
	void ordinaryGapsAreNoStall() {
		FaultTimeline.Result result = FaultTimeline.measure(Map.of("eu", matches(60_000, 0, 0)), 0, 20_000, 20_000, 60_000);
		assertThat(result.stalledPools()).isZero();
		assertThat(result.recoveryMillis()).isZero();
	}

	@Test
	void aPoolThatNeverMatchesAgainStallsToTheEndOfArrivals() {
		FaultTimeline.Result result = FaultTimeline.measure(Map.of("eu", matches(20_000, 0, 0)), 0, 20_000, 20_000, 60_000);
		assertThat(result.stalledPools()).isEqualTo(1);
		assertThat(result.longestStallMillis()).isEqualTo(40_000);
		assertThat(result.recoveryMillis()).isEqualTo(40_000);
	}

}
