package dev.rivalry.testsupport.blocking;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;
import reactor.blockhound.BlockHound;

/**
 * Installs BlockHound before the first test of every JVM that has test-support on its test
 * class path (registered in {@code META-INF/services}): from then on a blocking call on a
 * thread that must not block (Reactor's parallel and single schedulers, Netty's and
 * reactor-netty's event loops) throws {@code BlockingOperationError} and fails the test.
 * The allowed exceptions, each with its reason, are in {@link RivalryBlockHoundIntegration}.
 * A module may switch it off with {@code rivalry.blockhound=false} in its
 * {@code junit-platform.properties} (docs/testing.md says which do, and why).
 */
public final class BlockHoundListener implements TestExecutionListener {

	/** The JUnit configuration parameter that switches BlockHound off when {@code false}. */
	public static final String ENABLED = "rivalry.blockhound";

	@Override
	public void testPlanExecutionStarted(TestPlan testPlan) {
		if (testPlan.getConfigurationParameters().getBoolean(ENABLED).orElse(true)) {
			BlockHound.install();
		}
	}

}
