package dev.rivalry.engine.intake;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.rivalry.engine.pool.PartitionPool;
import dev.rivalry.engine.pool.PoolRegistry;
import dev.rivalry.profiles.MatchProfiles;
import dev.rivalry.profiles.Profile;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;

/**
 * Follows the consumer group's assignments: an assigned partition gets empty pools that
 * its records (read again from the committed low-water mark) fill; a revoked partition
 * commits its mark and drops its pools. Called on the consumer thread.
 */
public class PartitionOwnership implements KafkaBindingRebalanceListener {

	private static final Logger logger = LoggerFactory.getLogger(PartitionOwnership.class);

	private final PoolRegistry registry;

	private final MatchProfiles profiles;

	private final LowWaterMarks marks;

	public PartitionOwnership(PoolRegistry registry, MatchProfiles profiles, LowWaterMarks marks) {
		this.registry = registry;
		this.profiles = profiles;
		this.marks = marks;
	}

	@Override
	public void onPartitionsAssigned(String bindingName, Consumer<?, ?> consumer,
			Collection<TopicPartition> partitions, boolean initial) {
		for (TopicPartition partition : partitions) {
			Optional<Profile> profile = profileOf(partition.topic());
			if (profile.isPresent()) {
				this.registry.assign(partition.topic(), partition.partition(), profile.get());
			}
			else {
				logger.warn("No profile for topic {}; its records are skipped", partition.topic());
			}
		}
		logger.info("Partitions assigned: {}", partitions);
	}

	@Override
	public void onPartitionsRevokedBeforeCommit(String bindingName, Consumer<?, ?> consumer,
			Collection<TopicPartition> partitions) {
		List<PartitionPool> revoked = partitions.stream()
			.map((partition) -> this.registry.find(partition.topic(), partition.partition()))
			.flatMap(Optional::stream)
			.toList();
		this.marks.commitNow(consumer, revoked);
		partitions.forEach((partition) -> this.registry.revoke(partition.topic(), partition.partition()));
		logger.info("Partitions revoked: {}", partitions);
	}

	private Optional<Profile> profileOf(String topic) {
		return topic.startsWith(Profile.TICKET_TOPIC_PREFIX)
				? this.profiles.byName(topic.substring(Profile.TICKET_TOPIC_PREFIX.length())) : Optional.empty();
	}

}
