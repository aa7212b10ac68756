package dev.rivalry.engine.pool;

import dev.rivalry.kafka.RecordPublisher;
import dev.rivalry.tickets.Match;
import dev.rivalry.tickets.TicketCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes formed matches to {@code rivalry.matches} for downstream consumers. Players
 * learn of their match from their tickets' channels (written by the same script that
 * formed it), so this record is a notification: a failure is counted and logged, never
 * retried into a second match. The send goes through the services' one
 * {@link RecordPublisher}, whose own threads wait for the acknowledgement.
 */
public class MatchPublisher {

	/** The topic of formed matches. */
	public static final String TOPIC = "rivalry.matches";

	private static final Logger logger = LoggerFactory.getLogger(MatchPublisher.class);

	private final RecordPublisher publisher;

	private final TicketCodec codec;

	private final Counter failures;

	public MatchPublisher(RecordPublisher publisher, TicketCodec codec, MeterRegistry registry) {
		this.publisher = publisher;
		this.codec = codec;
		this.failures = Counter.builder("rivalry.engine.matches.unpublished")
			.description("Matches formed but not published to " + TOPIC)
			.register(registry);
	}

	void publish(Match match, String pool) {
		this.publisher.publish(TOPIC, match.profile() + "/" + pool, this.codec.encode(match))
			.subscribe(null, (ex) -> unpublished(match, ex));
	}

	private void unpublished(Match match, Throwable ex) {
		this.failures.increment();
		logger.warn("Match {} was formed but not published to {}: {}", match.id(), TOPIC, String.valueOf(ex));
	}

}
