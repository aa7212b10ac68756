package dev.rivalry.kafka;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * Publishes keyed JSON records to Kafka topics and reports the broker's acknowledgement:
 * the one publisher of every service (the matchmaker's tickets, results and backfills, the
 * engine's matches).
 * <p>
 * The Kafka binder is configured synchronous with {@code acks=all}: {@code send} returns
 * only once the broker acknowledged the record, or throws. That call blocks, so it runs on
 * a scheduler of the publisher's own, sized for the records in flight (never Reactor's
 * shared bounded-elastic one, whose threads other work needs); the returned {@code Mono}
 * completes after the acknowledgement and errors with {@link StreamUnavailableException}
 * otherwise. Thread safe; {@link #close()} stops its threads.
 */
public class RecordPublisher implements AutoCloseable {

	private final StreamBridge bridge;

	private final Scheduler sends;

	/**
	 * @param bridge the binder's bridge
	 * @param sendThreads records in flight at most; more wait in a queue
	 * @param name the name of the send threads, e.g. {@code kafka-send}
	 */
	public RecordPublisher(StreamBridge bridge, int sendThreads, String name) {
		this.bridge = bridge;
		this.sends = Schedulers.newBoundedElastic(sendThreads, Integer.MAX_VALUE, name);
	}

	/**
	 * Publishes one record and waits for the broker's acknowledgement.
	 * @param topic the topic (created on first use)
	 * @param key the record key, which chooses the partition
	 * @param json the record value
	 * @return completes when acknowledged by all in-sync replicas
	 */
	public Mono<Void> publish(String topic, String key, String json) {
		// Bytes in and out: the binder's serializers are byte-array ones, so nothing is
		// converted (or JSON-quoted twice) on the way.
		Message<byte[]> record = MessageBuilder.withPayload(json.getBytes(StandardCharsets.UTF_8))
			.setHeader(KafkaHeaders.KEY, key.getBytes(StandardCharsets.UTF_8))
			.setHeader("contentType", MimeTypeUtils.APPLICATION_JSON_VALUE)
			.build();
		return Mono.fromCallable(() -> this.bridge.send(topic, record))
			.subscribeOn(this.sends)
			// One policy for the whole boundary: whatever the binder threw or refused, the
			// record is not known to be on the stream, and the caller must not acknowledge.
			.onErrorMap((ex) -> new StreamUnavailableException(topic, ex))
			.flatMap((sent) -> sent ? Mono.<Void>empty() : Mono.error(new StreamUnavailableException(topic, null)));
	}

	/** Stops the send threads; records in flight are abandoned. */
	@Override
	public void close() {
		this.sends.dispose();
	}

}
