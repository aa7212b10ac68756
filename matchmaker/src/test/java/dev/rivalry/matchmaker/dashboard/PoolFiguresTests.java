package dev.rivalry.matchmaker.dashboard;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the dashboard reads an engine's pool: an engine that predates backfills does not
 * count them (during a rolling upgrade), and its pools still show.
 */
class PoolFiguresTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aPoolWithoutBackfillsReadsAsNoneOpen() {
		PoolFigures pool = this.json.readValue("""
				{"profile":"duel","pool":"eu","partition":3,"waiting":4,"oldestWaitMillis":1200,"matchesFormed":10}""",
				PoolFigures.class);
		assertThat(pool.backfills()).isZero();
		assertThat(pool.plus(new PoolFigures("duel", "eu", 1, 100, 1, 2)).backfills()).isEqualTo(2);
	}

}
