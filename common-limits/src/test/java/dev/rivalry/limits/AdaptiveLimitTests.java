package dev.rivalry.limits;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AdaptiveLimitTests {

	private static final long MS = 1_000_000;

	/** Target 100 ms, start at 10, between 2 and 20, halve on a slow answer. */
	private static final AdaptiveLimit.Settings SETTINGS = new AdaptiveLimit.Settings(Duration.ofMillis(100), 10, 2, 20,
			0.5);

	@Test
	void requestsPastTheLimitAreRefusedAtOnce() {
		AdaptiveLimit limit = new AdaptiveLimit(SETTINGS);
		for (int i = 0; i < 10; i++) {
			assertThat(limit.tryAcquire()).isTrue();
		}
		assertThat(limit.tryAcquire()).isFalse();
		limit.completed(10 * MS, 0);
		assertThat(limit.inFlight()).isEqualTo(9);
		assertThat(limit.tryAcquire()).isTrue();
	}

	/**
	 * Ten requests in flight, then some end: how long each took (ms) and when it ended (ms);
	 * the limit after all of them.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', value = {
			"answers within the target, the limit in use: it grows by 1/limit each; 10 ms @ 0, 10 ms @ 1; 10",
			"one slow answer halves it; 150 ms @ 0; 5",
			"slow answers of one episode (within the target of each other) count once; 150 ms @ 0, 150 ms @ 50, 150 ms @ 99; 5",
			"slow answers a target apart count again; 150 ms @ 0, 150 ms @ 100; 2",
			"it never goes below the minimum; 150 ms @ 0, 150 ms @ 100, 150 ms @ 200, 150 ms @ 300; 2",
			"an answer exactly at the target is not slow; 100 ms @ 0; 10" })
	void theLimitFollowsTheMeasuredLatency(String rule, String answers, int expected) {
		AdaptiveLimit limit = new AdaptiveLimit(SETTINGS);
		for (int i = 0; i < 10; i++) {
			limit.tryAcquire();
		}
		for (String answer : answers.split(",")) {
			String[] parts = answer.trim().split(" ms @ ");
			limit.completed(Long.parseLong(parts[0]) * MS, Long.parseLong(parts[1]) * MS);
		}
		assertThat(limit.limit()).isEqualTo(expected);
	}

	@Test
	void fastAnswersWhileTheLimitIsInUseGrowItByOneOverTheLimitEachUpToTheMaximum() {
		AdaptiveLimit limit = new AdaptiveLimit(SETTINGS);
		for (int answer = 0; answer < 500; answer++) {
			while (limit.tryAcquire()) {
				// keep every place taken, as a steady overload does
			}
			limit.completed(10 * MS, answer * MS);
			if (answer == 49) {
				// d(limit²)/d(answers) = 2: from 10, 50 answers give sqrt(100 + 100)
				assertThat(limit.limit()).isEqualTo(14);
			}
		}
		assertThat(limit.limit()).isEqualTo(20);
	}

	@Test
	void anIdleLimitDoesNotGrow() {
		AdaptiveLimit limit = new AdaptiveLimit(SETTINGS);
		for (int i = 0; i < 100; i++) {
			limit.tryAcquire();
			limit.completed(10 * MS, i * MS);
		}
		assertThat(limit.limit()).isEqualTo(10);
	}

	@ParameterizedTest
	@CsvSource({ "PT0S, 10, 2, 20, 0.5", "PT0.1S, 10, 0, 20, 0.5", "PT0.1S, 1, 2, 20, 0.5", "PT0.1S, 30, 2, 20, 0.5",
			"PT0.1S, 10, 2, 20, 1", "PT0.1S, 10, 2, 20, 0" })
	void settingsOutOfRangeAreRefused(Duration target, int initial, int min, int max, double backoff) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AdaptiveLimit.Settings(target, initial, min, max, backoff));
	}

}
