package dev.rivalry.engine.pool;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

import dev.rivalry.profiles.Profile;

/**
 * The partitions this instance owns, each with its pools. Partitions come and go with the
 * consumer group's assignments; nothing else creates or drops them. Thread safe.
 */
public class PoolRegistry {

	private final Map<String, PartitionPool> partitions = new ConcurrentHashMap<>();

	/** Takes a partition over with empty pools; its records are read again from the committed offset. */
	public PartitionPool assign(String topic, int partition, Profile profile) {
		PartitionPool fresh = new PartitionPool(topic, partition, profile);
		PartitionPool previous = this.partitions.put(keyOf(topic, partition), fresh);
		if (previous != null) {
			previous.close();
		}
		return fresh;
	}

	/** Gives a partition up. */
	public Optional<PartitionPool> revoke(String topic, int partition) {
		PartitionPool pool = this.partitions.remove(keyOf(topic, partition));
		if (pool != null) {
			pool.close();
		}
		return Optional.ofNullable(pool);
	}

	public Optional<PartitionPool> find(String topic, int partition) {
		return Optional.ofNullable(this.partitions.get(keyOf(topic, partition)));
	}

	public List<PartitionPool> all() {
		return List.copyOf(this.partitions.values());
	}

	/** Every pool of this instance, by profile, pool and partition. */
	public List<PoolView> describe(Instant now) {
		List<PoolView> views = new ArrayList<>();
		this.partitions.values().forEach((partition) -> partition.describe(now, views));
		views.sort(Comparator.comparing(PoolView::profile).thenComparing(PoolView::pool));
		return views;
	}

	/** Tickets held in the pools of a profile on this instance. */
	public int size(String profile) {
		return sum(profile, PartitionPool::size);
	}

	/** Pools held for a profile on this instance. */
	public int pools(String profile) {
		return sum(profile, PartitionPool::poolCount);
	}

	private int sum(String profile, ToIntFunction<PartitionPool> count) {
		return this.partitions.values()
			.stream()
			.filter((partition) -> partition.profile().name().equals(profile))
			.mapToInt(count)
			.sum();
	}

	private static String keyOf(String topic, int partition) {
		return topic + "-" + partition;
	}

}
