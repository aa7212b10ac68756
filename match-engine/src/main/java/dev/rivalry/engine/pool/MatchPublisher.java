package dev.rivalry.engine.pool;

import java.nio.charset.StandardCharsets;

import dev.rivalry.tickets.Match;
import dev.rivalry.tickets.TicketCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * Publishes formed matches to {@code rivalry.matches} for downstream consumers. Players
 * learn of their match from their tickets' channels (written by the same script that
 * formed it), so this record is a notification: a failure is counted and logged, never
 * retried into a second match.
 */
public class MatchPublisher {

	/** The topic of formed matches. */
	public static final String TOPIC = "rivalry.matches";

	private static final Logger logger = LoggerFactory.getLogger(MatchPublisher.class);

	private final StreamBridge bridge;

	private final TicketCodec codec;

	private final Counter failures;

	public MatchPublisher(StreamBridge bridge, TicketCodec codec, MeterRegistry registry) {
		this.bridge = bridge;
		this.codec = codec;
		this.failures = Counter.builder("rivalry.engine.matches.unpublished")
			.description("Matches formed but not published to " + TOPIC)
			.register(registry);
	}

	void publish(Match match, String pool) {
		var record = MessageBuilder.withPayload(this.codec.encode(match).getBytes(StandardCharsets.UTF_8))
			.setHeader(KafkaHeaders.KEY, (match.profile() + "/" + pool).getBytes(StandardCharsets.UTF_8))
			.setHeader("contentType", MimeTypeUtils.APPLICATION_JSON_VALUE)
			.build();
		// The send blocks until acknowledged, so it leaves the caller's (Redis) thread.
		Mono.fromCallable(() -> this.bridge.send(TOPIC, record))
			.subscribeOn(Schedulers.boundedElastic())
			.subscribe((sent) -> {
				if (!sent) {
					unpublished(match, null);
				}
			}, (ex) -> unpublished(match, ex));
	}

	private void unpublished(Match match, Throwable ex) {
		this.failures.increment();
		logger.warn("Match {} was formed but not published to {}: {}", match.id(), TOPIC, String.valueOf(ex));
	}

}
