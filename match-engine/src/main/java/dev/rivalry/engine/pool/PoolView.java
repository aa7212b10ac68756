package dev.rivalry.engine.pool;

/**
 * One pool as {@code GET /v1/pools} shows it.
 *
 * @param profile the profile
 * @param pool the pool key's value
 * @param partition the partition of the profile's stream that holds the pool
 * @param waiting tickets waiting (and being written into a match)
 * @param oldestWaitMillis how long the oldest waiting ticket has waited
 * @param matchesFormed matches formed from this pool since this instance took it over or,
 * after the pool was evicted (empty for the grace period), created it again
 * @param backfills open backfills held beside the pool's tickets
 */
public record PoolView(String profile, String pool, int partition, int waiting, long oldestWaitMillis,
		long matchesFormed, int backfills) {
}
