package dev.rivalry.matchmaker.messaging;

import java.nio.charset.StandardCharsets;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Publishes keyed JSON records to Kafka topics and reports the broker's acknowledgement.
 * <p>
 * The Kafka binder is configured synchronous with {@code acks=all}: {@code send} returns
 * only once the broker acknowledged the record, or throws. That call blocks, so it runs on
 * a scheduler of its own, sized for the records in flight; the returned {@code Mono} completes after the
 * acknowledgement and errors with {@link StreamUnavailableException} otherwise. Thread safe.
 */
public class RecordPublisher {

	private final StreamBridge bridge;

	private final Scheduler sends;

	/**
	 * @param bridge the binder's bridge
	 * @param sends where the blocking sends wait for their acknowledgements
	 */
	public RecordPublisher(StreamBridge bridge, Scheduler sends) {
		this.bridge = bridge;
		this.sends = sends;
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

}
