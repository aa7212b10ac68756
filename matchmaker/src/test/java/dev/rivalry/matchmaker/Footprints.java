package dev.rivalry.matchmaker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import reactor.core.publisher.Flux;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;

/**
 * What requests leave behind: the matchmaker's Redis keys under one prefix (tickets,
 * matches, results, claims, idempotency keys, ratings, the expiry index) and the end
 * offsets of Kafka's {@code rivalry.*} topics. Take a {@link Snapshot} before a request and
 * ask what is {@link Snapshot#newSince new} after it: with requests one at a time (test
 * classes run one after another), what is new came from that request.
 * <p>
 * Thread safe: its methods take turns on the one Kafka consumer.
 */
public final class Footprints implements AutoCloseable {

	/** The matchmaker's own keys, after the prefix; anything else there is someone else's. */
	private static final List<String> KEY_PATTERNS = List.of("t:*", "m:*", "r:*", "player:*", "request:*", "rating:*",
			"ratings", "expiring");

	private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);

	private final ReactiveStringRedisTemplate redis;

	private final String keyPrefix;

	private final KafkaConsumer<byte[], byte[]> kafka;

	/**
	 * @param redis the matchmaker's Redis
	 * @param keyPrefix its key prefix ({@code rivalry.redis.key-prefix}), without glob characters
	 * @param bootstrapServers its Kafka
	 */
	public Footprints(ReactiveStringRedisTemplate redis, String keyPrefix, String bootstrapServers) {
		this.redis = redis;
		this.keyPrefix = keyPrefix;
		this.kafka = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "footprints-" + UUID.randomUUID(),
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
	}

	/** @return the keys and the topics' end offsets now */
	public synchronized Snapshot take() {
		Set<String> keys = Flux.fromIterable(KEY_PATTERNS)
			.concatMap((pattern) -> this.redis
				.scan(ScanOptions.scanOptions().match(this.keyPrefix + pattern).count(1000).build()))
			.collect(HashSet<String>::new, Set::add)
			.block(Duration.ofSeconds(10));
		List<TopicPartition> partitions = new ArrayList<>();
		this.kafka.listTopics(KAFKA_TIMEOUT).forEach((topic, infos) -> {
			if (topic.startsWith("rivalry.")) {
				infos.forEach((info) -> partitions.add(new TopicPartition(topic, info.partition())));
			}
		});
		return new Snapshot(Set.copyOf(keys), Map.copyOf(this.kafka.endOffsets(partitions, KAFKA_TIMEOUT)));
	}

	@Override
	public synchronized void close() {
		this.kafka.close();
	}

	/**
	 * Redis keys and Kafka end offsets at one moment.
	 *
	 * @param keys the matchmaker's keys
	 * @param offsets the end offset of every partition of the {@code rivalry.*} topics
	 */
	public record Snapshot(Set<String> keys, Map<TopicPartition, Long> offsets) {

		/**
		 * @return every key that appeared and every partition that received records since
		 * {@code earlier}; empty when nothing did
		 */
		public List<String> newSince(Snapshot earlier) {
			List<String> news = new ArrayList<>();
			this.keys.stream().filter((key) -> !earlier.keys.contains(key)).sorted().forEach((key) -> news.add("key " + key));
			this.offsets.forEach((partition, end) -> {
				long before = earlier.offsets.getOrDefault(partition, 0L);
				if (end > before) {
					news.add((end - before) + " record(s) on " + partition);
				}
			});
			return news;
		}

	}

}
