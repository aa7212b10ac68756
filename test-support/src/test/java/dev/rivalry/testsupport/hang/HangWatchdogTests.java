package dev.rivalry.testsupport.hang;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HangWatchdogTests {

	private final List<Integer> halts = new ArrayList<>();

	private final HangWatchdog watchdog = new HangWatchdog(this.halts::add);

	@Test
	void aWatchdogWithinItsLimitsDoesNothing() {
		this.watchdog.limits(Duration.ofMinutes(5), Duration.ofMinutes(12));
		this.watchdog.check();
		assertThat(this.halts).isEmpty();
	}

	@Test
	void silenceBeyondTheExitLimitHaltsTheJvm() {
		this.watchdog.limits(Duration.ZERO, Duration.ZERO);
		this.watchdog.check();
		assertThat(this.halts).containsExactly(HangWatchdog.HALTED);
	}

	@Test
	void silenceBeyondTheDumpLimitOnlyPrints() {
		this.watchdog.limits(Duration.ZERO, Duration.ofMinutes(12));
		this.watchdog.check();
		this.watchdog.check();
		assertThat(this.halts).isEmpty();
	}

	@Test
	void theReportHoldsEveryThreadsWholeStack() {
		String report = this.watchdog.report("testing");
		assertThat(report).contains("rivalry hang watchdog: testing", "current: no test yet",
				"\"" + Thread.currentThread().getName() + "\" RUNNABLE",
				"HangWatchdogTests.theReportHoldsEveryThreadsWholeStack(HangWatchdogTests.java:");
	}

}
