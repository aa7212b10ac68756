package dev.rivalry.testsupport.hang;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.launcher.TestIdentifier;

import static org.assertj.core.api.Assertions.assertThat;

class HangWatchdogTests {

	private final List<Integer> halts = new ArrayList<>();

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private final HangWatchdog watchdog = new HangWatchdog(this.halts::add,
			new PrintStream(this.printed, true, StandardCharsets.UTF_8));

	@Test
	void aWatchdogWithinItsLimitsDoesNothing() {
		this.watchdog.limits(Duration.ofMinutes(5), Duration.ofMinutes(12));
		this.watchdog.check();
		assertThat(this.halts).isEmpty();
		assertThat(this.printed.size()).isZero();
	}

	@Test
	void silenceBeyondTheExitLimitPrintsTheStacksAndHaltsTheJvm() {
		this.watchdog.limits(Duration.ZERO, Duration.ZERO);
		this.watchdog.check();
		assertThat(this.halts).containsExactly(HangWatchdog.HALTED);
		assertThat(printed()).contains("halting the JVM", "end of thread dump");
	}

	@Test
	void silenceBeyondTheDumpLimitPrintsTheStacksOnceAndHaltsNothing() {
		this.watchdog.limits(Duration.ZERO, Duration.ofMinutes(12));
		this.watchdog.check();
		this.watchdog.check();
		assertThat(this.halts).isEmpty();
		assertThat(printed().split("end of thread dump", -1)).hasSize(2);
	}

	@Test
	void progressAfterADumpArmsTheNextOne() {
		this.watchdog.limits(Duration.ZERO, Duration.ofMinutes(12));
		this.watchdog.check();
		this.watchdog.executionStarted(TestIdentifier.from(new EngineDescriptor(UniqueId.forEngine("e"), "next test")));
		this.watchdog.check();
		assertThat(printed().split("end of thread dump", -1)).hasSize(3);
		assertThat(printed()).contains("current: next test");
	}

	private String printed() {
		return this.printed.toString(StandardCharsets.UTF_8);
	}

	@Test
	void theReportHoldsEveryThreadsWholeStack() {
		String report = this.watchdog.report("testing");
		assertThat(report).contains("rivalry hang watchdog: testing", "current: no test yet",
				"\"" + Thread.currentThread().getName() + "\" RUNNABLE",
				"HangWatchdogTests.theReportHoldsEveryThreadsWholeStack(HangWatchdogTests.java:");
	}

}
