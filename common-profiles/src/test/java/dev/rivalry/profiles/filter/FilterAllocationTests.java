package dev.rivalry.profiles.filter;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Filters run on every ticket: testing one must not allocate. Measured with the JVM's
 * per-thread allocation counter, which counts bytes, not time.
 */
class FilterAllocationTests {

	private static final int EVALUATIONS = 20_000;

	@Test
	void evaluatingAFilterAllocatesNothing() {
		assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
				&& bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled());
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
			.getThreadMXBean();
		Filter filter = Bool.of(
				List.of(new Term(FieldPath.of("mode"), "duel"),
						new Range(FieldPath.of("stats.elo"), null, 1000L, 3000.5, null)),
				List.of(new Terms(FieldPath.of("region"), List.of("eu", "us", 7))),
				List.of(new Exists(FieldPath.of("vip")), new Term(FieldPath.of("tags"), "ranked")),
				List.of(new Term(FieldPath.of("banned"), true)), 1);
		Map<String, Object> attributes = Map.of("mode", "duel", "stats", Map.of("elo", 1500.0), "region", "us",
				"tags", List.of("casual", "ranked"), "banned", false);
		assertThat(filter.matches(attributes)).isTrue();
		long thread = Thread.currentThread().getId();
		long before = threads.getThreadAllocatedBytes(thread);
		int matched = 0;
		for (int i = 0; i < EVALUATIONS; i++) {
			matched += filter.matches(attributes) ? 1 : 0;
		}
		long allocated = threads.getThreadAllocatedBytes(thread) - before;
		assertThat(matched).isEqualTo(EVALUATIONS);
		// A little slack for the counter itself; any per-evaluation allocation is far more.
		assertThat(allocated).isLessThan(EVALUATIONS / 4);
	}

}
