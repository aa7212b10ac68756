package dev.rivalry.matchmaker;

import dev.rivalry.testsupport.blocking.BlockingCalls;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** BlockHound is on in this module's tests (test-support installs it): a deliberate blocking call fails. */
class BlockHoundTests {

	@Test
	void sleepingOnAParallelThreadIsCaught() {
		assertThat(BlockingCalls.sleepOnAParallelThread()).hasMessageContaining("java.lang.Thread.sleep");
	}

}
