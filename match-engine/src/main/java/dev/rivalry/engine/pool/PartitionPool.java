package dev.rivalry.engine.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.rivalry.profiles.Profile;

/**
 * The pools of one partition of a profile's ticket stream, owned by this instance while the
 * partition is assigned to it. Every pool of a partition is a function of the partition's
 * log, so the instance that owns the partition owns its pools, alone.
 * <p>
 * Thread safe: the consumer thread adds and removes tickets, the matcher reserves and
 * settles them; every access holds this object's lock.
 */
public final class PartitionPool {

	private final String topic;

	private final int partition;

	/** Replaced when the profile file is reloaded; read without the lock. */
	private volatile Profile profile;

	private final Map<String, Pool> pools = new LinkedHashMap<>();

	private long nextOffset = -1;

	private boolean closed;

	PartitionPool(String topic, int partition, Profile profile) {
		this.topic = topic;
		this.partition = partition;
		this.profile = profile;
	}

	public String topic() {
		return this.topic;
	}

	public int partition() {
		return this.partition;
	}

	public Profile profile() {
		return this.profile;
	}

	/**
	 * Puts a new version of the profile in force for this partition and its pools (the
	 * profile file was reloaded); the tickets waiting stay.
	 */
	public synchronized void reprofile(Profile next) {
		this.profile = next;
		this.pools.values().forEach((pool) -> pool.reprofile(next));
	}

	/** Records that every record before {@code offset + 1} has been applied. */
	synchronized void advance(long offset) {
		this.nextOffset = Math.max(this.nextOffset, offset + 1);
	}

	synchronized Pool add(String key, PoolEntry entry) {
		return addTo(key, (pool) -> pool.add(entry));
	}

	synchronized Pool addReserved(String key, PoolEntry entry) {
		return addTo(key, (pool) -> pool.addReserved(entry));
	}

	synchronized Pool addBackfill(String key, BackfillEntry entry) {
		return addTo(key, (pool) -> pool.addBackfill(entry));
	}

	/**
	 * The key's pool, created on first use, after the add. A partition given up keeps
	 * nothing: the add is dropped and the pool returned is a new, empty one of no partition.
	 */
	private Pool addTo(String key, Consumer<Pool> add) {
		if (this.closed) {
			return new Pool(this.profile, key);
		}
		Pool pool = this.pools.computeIfAbsent(key, (k) -> new Pool(this.profile, k));
		add.accept(pool);
		return pool;
	}

	/** Lets a backfill go from whichever pool holds it (a closing record names only the backfill). */
	synchronized void removeBackfillEverywhere(String backfillId) {
		for (Pool pool : this.pools.values()) {
			if (pool.removeBackfill(backfillId)) {
				return;
			}
		}
	}

	/** Removes a waiting ticket from whichever pool holds it (a cancel names only the ticket). */
	synchronized void removeEverywhere(String ticketId) {
		for (Pool pool : this.pools.values()) {
			if (pool.remove(ticketId)) {
				return;
			}
		}
	}

	/**
	 * Runs an action on a pool under this partition's lock, unless the partition was given up
	 * or the pool evicted (a matcher may still hold an evicted pool; a ticket of its key has
	 * gone to a new one).
	 */
	synchronized <T> T withPool(Pool pool, Function<Pool, T> action, T whenClosed) {
		return (this.closed || pool.isEvicted()) ? whenClosed : action.apply(pool);
	}

	/**
	 * Frees the pools that have been empty for the grace period (see {@link Pool#emptyFor}):
	 * every key a client ever sent would otherwise stay in memory, in {@code GET /v1/pools}
	 * and on the dashboard. An empty pool holds no ticket, so the low-water mark does not
	 * move; a later ticket of its key creates it afresh.
	 * @param now the sweep's time
	 * @param grace how long a pool stays empty before it is evicted
	 * @return how many pools were evicted
	 */
	synchronized int evictEmpty(Instant now, Duration grace) {
		int evicted = 0;
		for (Iterator<Pool> pools = this.pools.values().iterator(); pools.hasNext();) {
			Pool pool = pools.next();
			if (pool.emptyFor(now, grace)) {
				pool.evict();
				pools.remove();
				evicted++;
			}
		}
		return evicted;
	}

	/** Pools held, empty ones included until they are evicted. */
	synchronized int poolCount() {
		return this.pools.size();
	}

	synchronized Collection<Pool> pools() {
		return List.copyOf(this.pools.values());
	}

	/**
	 * The offset to commit: that of the oldest ticket still in any pool (it must be read
	 * again after a crash), or, when every pool is empty, the next record's.
	 * @return the offset, or empty before any record was applied
	 */
	public synchronized OptionalLong lowWaterMark() {
		long mark = this.nextOffset;
		for (Pool pool : this.pools.values()) {
			OptionalLong oldest = pool.oldestOffset();
			if (oldest.isPresent()) {
				mark = Math.min(mark, oldest.getAsLong());
			}
		}
		return (mark < 0) ? OptionalLong.empty() : OptionalLong.of(mark);
	}

	/** Tickets held in this partition's pools, waiting or being written into a match. */
	synchronized int size() {
		int size = 0;
		for (Pool pool : this.pools.values()) {
			size += pool.size();
		}
		return size;
	}

	/** Gives the partition up: matches still being written settle without effect here. */
	synchronized void close() {
		this.closed = true;
		this.pools.clear();
	}

	synchronized boolean isClosed() {
		return this.closed;
	}

	synchronized void describe(Instant now, List<PoolView> views) {
		for (Pool pool : this.pools.values()) {
			views.add(new PoolView(this.profile.name(), pool.key(), this.partition, pool.size(),
					pool.oldestWait(now).toMillis(), pool.matchesFormed(), pool.backfillCount()));
		}
	}

}
