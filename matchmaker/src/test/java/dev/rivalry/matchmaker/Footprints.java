package dev.rivalry.matchmaker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
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
 * Thread safe. Offsets are read with an admin client: a consumer's {@code endOffsets} for
 * partitions it is not assigned logs a warning per partition and call (tens of thousands of
 * lines in a fuzz run).
 */
public final class Footprints implements AutoCloseable {

	/** The matchmaker's own keys, after the prefix; anything else there is someone else's. */
	private static final List<String> KEY_PATTERNS = List.of("t:*", "m:*", "r:*", "player:*", "request:*", "rating:*",
			"ratings", "expiring");

	private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);

	private final ReactiveStringRedisTemplate redis;

	private final String keyPrefix;

	private final Admin kafka;

	/**
	 * @param redis the matchmaker's Redis
	 * @param keyPrefix its key prefix ({@code rivalry.redis.key-prefix}), without glob characters
	 * @param bootstrapServers its Kafka
	 */
	public Footprints(ReactiveStringRedisTemplate redis, String keyPrefix, String bootstrapServers) {
		this.redis = redis;
		this.keyPrefix = keyPrefix;
		this.kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
	}

	/** @return the keys and the topics' end offsets now */
	public synchronized Snapshot take() {
		Set<String> keys = Flux.fromIterable(KEY_PATTERNS)
			.concatMap((pattern) -> this.redis
				.scan(ScanOptions.scanOptions().match(this.keyPrefix + pattern).count(1000).build()))
			.collect(HashSet<String>::new, Set::add)
			.block(Duration.ofSeconds(10));
		return new Snapshot(Set.copyOf(keys), endOffsets());
	}

	private Map<TopicPartition, Long> endOffsets() {
		try {
			Set<String> topics = this.kafka.listTopics()
				.names()
				.get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
				.stream()
				.filter((topic) -> topic.startsWith("rivalry."))
				.collect(Collectors.toSet());
			Map<String, TopicDescription> described = this.kafka.describeTopics(topics)
				.allTopicNames()
				.get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			Map<TopicPartition, OffsetSpec> latest = described.values()
				.stream()
				.flatMap((topic) -> topic.partitions()
					.stream()
					.map((partition) -> new TopicPartition(topic.name(), partition.partition())))
				.collect(Collectors.toMap(Function.identity(), (partition) -> OffsetSpec.latest()));
			Map<TopicPartition, ListOffsetsResultInfo> ends = this.kafka.listOffsets(latest)
				.all()
				.get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			return ends.entrySet()
				.stream()
				.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, (end) -> end.getValue().offset()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Kafka's end offsets could not be read", ex);
		}
	}

	@Override
	public synchronized void close() {
		this.kafka.close(KAFKA_TIMEOUT);
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
