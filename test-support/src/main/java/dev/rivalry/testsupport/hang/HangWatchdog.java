package dev.rivalry.testsupport.hang;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Turns a test JVM that stopped making progress into a short, readable failure instead of
 * a build that runs until CI gives up on it.
 * <p>
 * Every test event (a class or a test starting or finishing) is progress. When none came
 * for {@code rivalry.hang.dump} (default 5 minutes), the watchdog prints every thread's
 * stack to standard error, naming the test that was running; when none came for
 * {@code rivalry.hang.exit} (default 12 minutes) it prints them again and halts the JVM, so
 * that Surefire reports the fork as crashed and the build fails with the stacks in its log.
 * JUnit's own default timeouts (the parent pom) catch most hangs inside a test method first;
 * this one also catches what they cannot: loading or closing a Spring context, an extension,
 * a shutdown that never ends. A daemon thread, registered in {@code META-INF/services}.
 */
public final class HangWatchdog implements TestExecutionListener {

	/** Configuration parameter: silence after which the stacks are printed, e.g. {@code 5m}. */
	public static final String DUMP_AFTER = "rivalry.hang.dump";

	/** Configuration parameter: silence after which the JVM is halted, e.g. {@code 12m}. */
	public static final String EXIT_AFTER = "rivalry.hang.exit";

	/** The exit status of a halted test JVM. */
	static final int HALTED = 86;

	private final AtomicLong lastProgress = new AtomicLong(System.nanoTime());

	private final AtomicReference<String> current = new AtomicReference<>("no test yet");

	private final AtomicLong dumpedFor = new AtomicLong(-1);

	private final Halt halt;

	private final PrintStream out;

	private ScheduledExecutorService timer;

	private Duration dumpAfter;

	private Duration exitAfter;

	public HangWatchdog() {
		this((status) -> Runtime.getRuntime().halt(status), System.err);
	}

	HangWatchdog(Halt halt, PrintStream out) {
		this.halt = halt;
		this.out = out;
	}

	@Override
	public void testPlanExecutionStarted(TestPlan testPlan) {
		this.dumpAfter = duration(testPlan, DUMP_AFTER, Duration.ofMinutes(5));
		this.exitAfter = duration(testPlan, EXIT_AFTER, Duration.ofMinutes(12));
		progress("test plan started");
		this.timer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "rivalry-hang-watchdog");
			thread.setDaemon(true);
			return thread;
		});
		this.timer.scheduleWithFixedDelay(this::check, 10, 10, TimeUnit.SECONDS);
	}

	@Override
	public void testPlanExecutionFinished(TestPlan testPlan) {
		if (this.timer != null) {
			this.timer.shutdownNow();
		}
	}

	@Override
	public void executionStarted(TestIdentifier identifier) {
		progress(identifier.getDisplayName() + " (" + identifier.getUniqueId() + ")");
	}

	@Override
	public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
		progress("after " + identifier.getDisplayName());
	}

	/** Checks the silence since the last event; package private for its test. */
	void check() {
		long since = this.lastProgress.get();
		Duration silence = Duration.ofNanos(System.nanoTime() - since);
		if (silence.compareTo(this.exitAfter) >= 0) {
			this.out.println(report("halting the JVM: no test progress for " + silence.toSeconds() + " s"));
			this.out.flush();
			this.halt.halt(HALTED);
		}
		else if (silence.compareTo(this.dumpAfter) >= 0 && this.dumpedFor.getAndSet(since) != since) {
			this.out.println(report("no test progress for " + silence.toSeconds() + " s"));
			this.out.flush();
		}
	}

	/** Sets the limits directly; package private for its test. */
	void limits(Duration dumpAfter, Duration exitAfter) {
		this.dumpAfter = dumpAfter;
		this.exitAfter = exitAfter;
	}

	private void progress(String what) {
		this.current.set(what);
		this.lastProgress.set(System.nanoTime());
	}

	String report(String headline) {
		StringBuilder report = new StringBuilder("\n===== rivalry hang watchdog: ").append(headline)
			.append("; current: ")
			.append(this.current.get())
			.append(" =====\n");
		report.append(ThreadStacks.all());
		return report.append("===== end of thread dump =====").toString();
	}

	private static Duration duration(TestPlan plan, String name, Duration otherwise) {
		return plan.getConfigurationParameters()
			.get(name)
			.map((value) -> Duration.parse("PT" + value.trim().toUpperCase()))
			.orElse(otherwise);
	}

	/** How the watchdog ends the JVM: {@link Runtime#halt(int)}, replaced in its test. */
	@FunctionalInterface
	interface Halt {

		void halt(int status);

	}

}
