package dev.rivalry.matchmaker.messaging;

import dev.rivalry.tickets.TicketCodec;
import dev.rivalry.tickets.TicketMessage;

import reactor.core.publisher.Mono;

/**
 * Publishes ticket records to their profile's stream, {@code rivalry.tickets.<profile>},
 * keyed by the pool so that every record of a pool lands on one partition, in order. The
 * returned {@code Mono} completes once all in-sync replicas acknowledged the record, and
 * errors with {@link StreamUnavailableException} otherwise (see {@link RecordPublisher}).
 */
public class TicketStream {

	/** The topic of a profile's tickets. */
	public static String topicOf(String profile) {
		return "rivalry.tickets." + profile;
	}

	private final RecordPublisher publisher;

	private final TicketCodec codec;

	public TicketStream(RecordPublisher publisher, TicketCodec codec) {
		this.publisher = publisher;
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
		return this.publisher.publish(topicOf(profile), pool, this.codec.encode(message));
	}

}
