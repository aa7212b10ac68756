package dev.rivalry.matchmaker.dashboard;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One pool as a match engine's {@code GET /v1/pools} describes it.
 *
 * @param profile the profile
 * @param pool the pool key's value (the region, with the default profiles)
 * @param waiting tickets waiting
 * @param oldestWaitMillis how long the oldest has waited
 * @param matchesFormed matches formed since the engine took the pool
 * @param backfills open backfills of the pool's running matches (0 from an engine that
 * predates backfills and does not say)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record PoolFigures(String profile, String pool, int waiting, long oldestWaitMillis, long matchesFormed,
		Integer backfills) {

	PoolFigures {
		backfills = (backfills != null) ? backfills : 0;
	}

	/** The same pool as reported by two engines (during a rebalance): one row. */
	PoolFigures plus(PoolFigures other) {
		return new PoolFigures(this.profile, this.pool, this.waiting + other.waiting,
				Math.max(this.oldestWaitMillis, other.oldestWaitMillis), this.matchesFormed + other.matchesFormed,
				this.backfills + other.backfills);
	}

}
