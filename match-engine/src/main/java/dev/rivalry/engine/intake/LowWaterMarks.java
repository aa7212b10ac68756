package dev.rivalry.engine.intake;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import dev.rivalry.engine.pool.PartitionPool;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits, per partition, the offset of the oldest ticket still in its pools — not the
 * last record read. A successor (after a crash or a rebalance) reads from there, so every
 * ticket still searching is read again and none is lost; tickets already matched are
 * skipped by their state in Redis. Only called on the consumer thread, which owns the
 * {@link Consumer}.
 */
public class LowWaterMarks {

	private static final Logger logger = LoggerFactory.getLogger(LowWaterMarks.class);

	private final Map<TopicPartition, Long> committed = new ConcurrentHashMap<>();

	/** Commits the marks that moved, without waiting. */
	void commit(Consumer<?, ?> consumer, Collection<PartitionPool> partitions) {
		Map<TopicPartition, OffsetAndMetadata> moved = movedMarks(partitions);
		if (consumer != null && !moved.isEmpty()) {
			consumer.commitAsync(moved, (offsets, ex) -> {
				if (ex != null) {
					// A later commit carries a newer mark; a lost one only means more replay.
					logger.debug("Low-water mark commit failed: {}", ex.toString());
					offsets.keySet().forEach(this.committed::remove);
				}
			});
		}
	}

	/** Commits the marks of partitions about to be given up, and waits. */
	void commitNow(Consumer<?, ?> consumer, Collection<PartitionPool> partitions) {
		Map<TopicPartition, OffsetAndMetadata> moved = movedMarks(partitions);
		if (moved.isEmpty()) {
			return;
		}
		try {
			consumer.commitSync(moved);
		}
		catch (RuntimeException ex) {
			logger.warn("Low-water mark commit on revocation failed; the successor replays more: {}", ex.toString());
		}
		partitions.forEach((partition) -> this.committed.remove(topicPartitionOf(partition)));
	}

	private Map<TopicPartition, OffsetAndMetadata> movedMarks(Collection<PartitionPool> partitions) {
		Map<TopicPartition, OffsetAndMetadata> moved = new HashMap<>();
		for (PartitionPool partition : partitions) {
			OptionalLong mark = partition.lowWaterMark();
			TopicPartition tp = topicPartitionOf(partition);
			if (mark.isPresent() && !Long.valueOf(mark.getAsLong()).equals(this.committed.get(tp))) {
				moved.put(tp, new OffsetAndMetadata(mark.getAsLong()));
				this.committed.put(tp, mark.getAsLong());
			}
		}
		return moved;
	}

	private static TopicPartition topicPartitionOf(PartitionPool partition) {
		return new TopicPartition(partition.topic(), partition.partition());
	}

}
