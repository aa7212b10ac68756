package dev.rivalry.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

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
 * The returned {@code Mono} completes once the broker acknowledged the record (the binder
 * sends with {@code acks=all}), and errors with {@link StreamUnavailableException} otherwise.
 * The acknowledgement completes it from the producer's callback ({@link SendAcknowledgements}),
 * so no thread waits for the broker. Handing a record to the producer can still block: while
 * the broker is unreachable, {@code send} waits up to {@code max.block.ms} for its metadata,
 * and it waits while the producer's buffer is full. So the hand-over runs on a scheduler of
 * the publisher's own, never on an event loop or Reactor's shared bounded-elastic threads.
 * Thread safe; {@link #close()} stops its threads.
 */
public class RecordPublisher implements AutoCloseable {

	private final StreamBridge bridge;

	private final SendAcknowledgements acknowledgements;

	private final Scheduler sends;

	private final Duration acknowledgementTimeout;

	/**
	 * @param bridge the binder's bridge
	 * @param acknowledgements the service's acknowledgements, which the binder's producers report to
	 * @param sendThreads records handed to the producer at once at most; more wait in a queue
	 * @param name the name of the send threads, e.g. {@code kafka-send}
	 * @param acknowledgementTimeout how long a record may wait for its acknowledgement once
	 * handed over: a backstop above the producer's {@code delivery.timeout.ms}, by which the
	 * producer reports every record, so that a caller is answered even if it does not
	 */
	public RecordPublisher(StreamBridge bridge, SendAcknowledgements acknowledgements, int sendThreads, String name,
			Duration acknowledgementTimeout) {
		this.bridge = bridge;
		this.acknowledgements = acknowledgements;
		this.sends = Schedulers.newBoundedElastic(sendThreads, Integer.MAX_VALUE, name);
		this.acknowledgementTimeout = acknowledgementTimeout;
	}

	/**
	 * Publishes one record.
	 * @param topic the topic (created on first use)
	 * @param key the record key, which chooses the partition
	 * @param json the record value
	 * @return completes when acknowledged by all in-sync replicas
	 */
	public Mono<Void> publish(String topic, String key, String json) {
		return Mono.fromCallable(() -> handOver(topic, key, json))
			.subscribeOn(this.sends)
			.flatMap((acknowledged) -> Mono.fromFuture(acknowledged, true).timeout(this.acknowledgementTimeout))
			// The producer's callback runs on its one network thread: what the caller does
			// next must not delay every other record's acknowledgement.
			.publishOn(Schedulers.parallel())
			// One policy for the whole boundary: whatever the binder threw or refused, the
			// record is not known to be on the stream, and the caller must not acknowledge.
			.onErrorMap((ex) -> new StreamUnavailableException(topic, ex));
	}

	/**
	 * Hands the record to the binder's producer; blocks only as long as the producer does.
	 * @return the acknowledgement, which the producer's callback completes
	 */
	private CompletableFuture<Void> handOver(String topic, String key, String json) {
		SendAcknowledgements.Expected expected = this.acknowledgements.expect();
		// Bytes in and out: the binder's serializers are byte-array ones, so nothing is
		// converted (or JSON-quoted twice) on the way.
		Message<byte[]> record = MessageBuilder.withPayload(json.getBytes(StandardCharsets.UTF_8))
			.setHeader(KafkaHeaders.KEY, key.getBytes(StandardCharsets.UTF_8))
			.setHeader("contentType", MimeTypeUtils.APPLICATION_JSON_VALUE)
			.setHeader(SendAcknowledgements.FUTURE_TOKEN, expected.token())
			.build();
		boolean sent = false;
		boolean handedOver;
		try {
			sent = this.bridge.send(topic, record);
		}
		finally {
			// The producer hands its send future over before send returns: a token still
			// awaited after it means the producer never took the record.
			handedOver = !this.acknowledgements.forget(expected.token());
		}
		if (!sent || !handedOver) {
			throw new IllegalStateException("The binder did not hand the record to a producer that reports back");
		}
		return expected.acknowledged();
	}

	/** Stops the send threads; records in flight are abandoned. */
	@Override
	public void close() {
		this.sends.dispose();
	}

}
