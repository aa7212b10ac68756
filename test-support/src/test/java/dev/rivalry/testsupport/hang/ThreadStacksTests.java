package dev.rivalry.testsupport.hang;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadStacksTests {

	@Test
	void oneThreadsStackHasEveryFrame() {
		String stack = ThreadStacks.of(Thread.currentThread());

		assertThat(stack).contains("ThreadStacksTests.oneThreadsStackHasEveryFrame(ThreadStacksTests.java:",
				"java.lang.Thread.getStackTrace");
		// Past the eight frames ThreadInfo#toString keeps: down to the launcher's.
		assertThat(stack.lines()).allMatch((line) -> line.startsWith("\tat ")).hasSizeGreaterThan(20);
	}

	@Test
	void noThreadSaysSo() {
		assertThat(ThreadStacks.of(null)).isEqualTo("(no thread)\n");
	}

	@Test
	void everyThreadIsNamedWithItsState() {
		assertThat(ThreadStacks.all()).contains("\"" + Thread.currentThread().getName() + "\" RUNNABLE",
				"ThreadStacksTests.everyThreadIsNamedWithItsState(ThreadStacksTests.java:");
	}

}
