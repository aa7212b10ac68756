package dev.rivalry.engine.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import dev.rivalry.engine.pool.PartitionPool;
import dev.rivalry.engine.pool.PoolRegistry;
import dev.rivalry.engine.pool.Pools;
import dev.rivalry.ratings.Rating;
import dev.rivalry.tickets.TicketCodec;
import dev.rivalry.tickets.TicketMessage;
import dev.rivalry.tickets.TicketSnapshot;
import dev.rivalry.tickets.TicketState;
import dev.rivalry.tickets.TicketStore;
import dev.rivalry.tickets.backfill.BackfillSnapshot;
import dev.rivalry.tickets.backfill.BackfillState;
import dev.rivalry.tickets.backfill.BackfillStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple3;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * Consumes a batch of ticket records from the profiles' streams (Spring Cloud Stream,
 * batch mode, one consumer group) and applies them to the pools of their partitions.
 * <p>
 * Before a ticket enters a pool, its state is read from Redis, the truth: after a crash or
 * a rebalance the partition is read again from its low-water mark, and tickets matched,
 * cancelled or expired since are skipped, and one in an open proposal waits reserved for
 * its end. Its players' ratings are read too, for profiles
 * that match by them ({@link RatingCache}). The batch's reads go out together. Runs on the
 * Kafka consumer thread, which may wait: nothing else runs there, and a batch that cannot
 * be applied (Redis unreachable) is retried as a whole, never skipped.
 */
public class TicketIntake implements Consumer<Message<List<byte[]>>> {

	private static final Logger logger = LoggerFactory.getLogger(TicketIntake.class);

	private static final Duration STATE_READ_TIMEOUT = Duration.ofSeconds(10);

	private final PoolRegistry registry;

	private final Pools pools;

	private final TicketStore store;

	private final TicketCodec codec;

	private final LowWaterMarks marks;

	private final RatingCache ratings;

	private final BackfillStore backfills;

	public TicketIntake(PoolRegistry registry, Pools pools, TicketStore store, BackfillStore backfills,
			TicketCodec codec, LowWaterMarks marks, RatingCache ratings) {
		this.registry = registry;
		this.pools = pools;
		this.store = store;
		this.backfills = backfills;
		this.codec = codec;
		this.marks = marks;
		this.ratings = ratings;
	}

	@Override
	public void accept(Message<List<byte[]>> batch) {
		List<Record> records = recordsOf(batch);
		Tuple3<Map<String, TicketSnapshot>, Map<String, Map<String, Rating>>, Map<String, BackfillSnapshot>> read = Mono
			.zip(statesOf(records), ratingsOf(records), backfillsOf(records))
			.block(STATE_READ_TIMEOUT);
		Map<String, TicketSnapshot> states = read.getT1();
		Map<String, Map<String, Rating>> ratings = read.getT2();
		Map<String, BackfillSnapshot> backfills = read.getT3();
		List<PartitionPool> touched = new ArrayList<>();
		for (Record record : records) {
			Optional<PartitionPool> partition = this.registry.find(record.topic(), record.partition());
			if (partition.isEmpty()) {
				continue;
			}
			apply(partition.get(), record, states, ratings.getOrDefault(partition.get().profile().name(), Map.of()),
					backfills);
			if (!touched.contains(partition.get())) {
				touched.add(partition.get());
			}
		}
		this.marks.commit(consumerOf(batch), touched);
	}

	private void apply(PartitionPool partition, Record record, Map<String, TicketSnapshot> states,
			Map<String, Rating> ratings, Map<String, BackfillSnapshot> backfills) {
		TicketState state = (record.message() instanceof TicketMessage.Created created)
				? stateOf(states.get(created.subjectId())) : null;
		if (state == TicketState.SEARCHING) {
			this.pools.admit(partition, ((TicketMessage.Created) record.message()).ticket(), record.offset(), ratings);
		}
		else if (state == TicketState.PROPOSED) {
			TicketSnapshot proposed = states.get(record.message().subjectId());
			this.pools.admitProposed(partition, proposed.ticket(), record.offset(), ratings, proposed.proposal());
		}
		else if (record.message() instanceof TicketMessage.Cancelled cancelled) {
			this.pools.cancel(partition, cancelled.ticketId(), record.offset());
		}
		else if (record.message() instanceof TicketMessage.BackfillOpened opened
				&& isSearching(backfills.get(opened.subjectId()))) {
			this.pools.openBackfill(partition, backfills.get(opened.subjectId()), record.offset());
		}
		else if (record.message() instanceof TicketMessage.BackfillClosed closed) {
			this.pools.closeBackfill(partition, closed.backfillId(), record.offset());
		}
		else {
			this.pools.skip(partition, record.offset());
		}
	}

	private static TicketState stateOf(TicketSnapshot snapshot) {
		return (snapshot != null) ? snapshot.state() : null;
	}

	/** The current state of every ticket the batch creates, read in one pipelined burst. */
	private Mono<Map<String, TicketSnapshot>> statesOf(List<Record> records) {
		List<String> created = subjectsOf(records, TicketMessage.Created.class);
		if (created.isEmpty()) {
			return Mono.just(Map.of());
		}
		return Flux.fromIterable(created)
			.flatMap(this.store::find, 64)
			.collectMap((snapshot) -> snapshot.ticket().id());
	}

	/** The ids the batch's records of one kind are about, in the batch's order. */
	private static List<String> subjectsOf(List<Record> records, Class<? extends TicketMessage> kind) {
		return records.stream()
			.map(Record::message)
			.filter(kind::isInstance)
			.map(TicketMessage::subjectId)
			.toList();
	}

	private static boolean isSearching(BackfillSnapshot backfill) {
		return backfill != null && backfill.state() == BackfillState.SEARCHING;
	}

	/**
	 * The current form of every backfill the batch opens: replayed after a crash, a backfill
	 * filled or ended since is skipped, and an open one resumes with its slots and version
	 * as they are, never as they were asked.
	 */
	private Mono<Map<String, BackfillSnapshot>> backfillsOf(List<Record> records) {
		List<String> opened = subjectsOf(records, TicketMessage.BackfillOpened.class);
		if (opened.isEmpty()) {
			return Mono.just(Map.of());
		}
		return Flux.fromIterable(opened).flatMap(this.backfills::find, 16).collectMap(BackfillSnapshot::id);
	}

	/**
	 * The ratings of the players of every ticket the batch creates, by profile, for the
	 * profiles that match by stored ratings; read (where not cached) alongside the states.
	 */
	private Mono<Map<String, Map<String, Rating>>> ratingsOf(List<Record> records) {
		Map<String, Set<String>> players = new HashMap<>();
		for (Record record : records) {
			if (record.message() instanceof TicketMessage.Created created) {
				this.registry.find(record.topic(), record.partition())
					.map(PartitionPool::profile)
					.filter(Pools::readsStoredRatings)
					.ifPresent((profile) -> created.ticket()
						.players()
						.forEach((player) -> players.computeIfAbsent(profile.name(), (name) -> new HashSet<>())
							.add(player.id())));
			}
		}
		return Flux.fromIterable(players.entrySet())
			.flatMap((entry) -> this.ratings.ratings(entry.getKey(), entry.getValue())
				.map((ratings) -> Map.entry(entry.getKey(), ratings)))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	@SuppressWarnings("unchecked")
	private List<Record> recordsOf(Message<List<byte[]>> batch) {
		List<String> topics = (List<String>) batch.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC);
		List<Integer> partitions = (List<Integer>) batch.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION);
		List<Long> offsets = (List<Long>) batch.getHeaders().get(KafkaHeaders.OFFSET);
		List<byte[]> payloads = batch.getPayload();
		List<Record> records = new ArrayList<>(payloads.size());
		for (int i = 0; i < payloads.size(); i++) {
			records.add(new Record(topics.get(i), partitions.get(i), offsets.get(i), decode(payloads.get(i))));
		}
		return records;
	}

	/** A record that cannot be read is skipped (logged): retrying it would never succeed. */
	private TicketMessage decode(byte[] payload) {
		try {
			return this.codec.decodeMessage(new String(payload, java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (RuntimeException ex) {
			logger.error("Skipping an unreadable ticket record: {}", ex.toString());
			return null;
		}
	}

	private static org.apache.kafka.clients.consumer.Consumer<?, ?> consumerOf(Message<?> batch) {
		return (org.apache.kafka.clients.consumer.Consumer<?, ?>) batch.getHeaders().get(KafkaHeaders.CONSUMER);
	}

	private record Record(String topic, int partition, long offset, TicketMessage message) {
	}

}
