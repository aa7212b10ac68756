package dev.rivalry.matchmaker.messaging;

import java.nio.charset.StandardCharsets;

import dev.rivalry.tickets.TicketCodec;
import dev.rivalry.tickets.TicketMessage;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes ticket records to their profile's stream, {@code rivalry.tickets.<profile>},
 * keyed by the pool so that every record of a pool lands on one partition, in order.
 * <p>
 * The Kafka binder is configured synchronous with {@code acks=all}: {@code send} returns
 * only once the broker acknowledged the record, or throws. That call blocks, so it runs on
 * the bounded elastic scheduler; the returned {@code Mono} completes after the
 * acknowledgement and errors with {@link StreamUnavailableException} otherwise.
 */
public class TicketStream {

	/** The topic of a profile's tickets. */
	public static String topicOf(String profile) {
		return "rivalry.tickets." + profile;
	}

	private final StreamBridge bridge;

	private final TicketCodec codec;

	public TicketStream(StreamBridge bridge, TicketCodec codec) {
		this.bridge = bridge;
		this.codec = codec;
	}

	/**
	 * Publishes one record and waits for the broker's acknowledgement.
	 * @param profile the profile, which names the topic
	 * @param pool the pool, which is the record key
	 * @param message the record
	 * @return completes when acknowledged by all in-sync replicas
	 */
	public Mono<Void> publish(String profile, String pool, TicketMessage message) {
		// Bytes in and out: the binder's serializers are byte-array ones, so nothing is
		// converted (or JSON-quoted twice) on the way.
		Message<byte[]> record = MessageBuilder.withPayload(this.codec.encode(message).getBytes(StandardCharsets.UTF_8))
			.setHeader(KafkaHeaders.KEY, pool.getBytes(StandardCharsets.UTF_8))
			.setHeader("contentType", MimeTypeUtils.APPLICATION_JSON_VALUE)
			.build();
		return Mono.fromCallable(() -> this.bridge.send(topicOf(profile), record))
			.subscribeOn(Schedulers.boundedElastic())
			// One policy for the whole boundary: whatever the binder threw or refused, the
			// record is not known to be on the stream, and the caller must not acknowledge.
			.onErrorMap((ex) -> new StreamUnavailableException(topicOf(profile), ex))
			.flatMap((sent) -> sent ? Mono.<Void>empty()
					: Mono.error(new StreamUnavailableException(topicOf(profile), null)));
	}

}
