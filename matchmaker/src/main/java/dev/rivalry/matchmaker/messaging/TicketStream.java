package dev.rivalry.matchmaker.messaging;

import dev.rivalry.kafka.RecordPublisher;
import dev.rivalry.kafka.StreamUnavailableException;
import dev.rivalry.tickets.TicketCodec;
import dev.rivalry.tickets.TicketMessage;

import tools.jackson.core.JacksonException;

import reactor.core.publisher.Mono;

/**
 * Publishes ticket records to their profile's stream, {@code rivalry.tickets.<profile>},
 * keyed by the pool so that every record of a pool lands on one partition, in order. The
 * returned {@code Mono} completes once all in-sync replicas acknowledged the record, and
 * errors with {@link StreamUnavailableException} otherwise (see {@link RecordPublisher}).
 * <p>
 * A record can be {@link #encode encoded} first and published later, so that a caller that
 * writes elsewhere before publishing finds out that a record cannot be encoded before it
 * wrote anything.
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
	 * Encodes a record without publishing it.
	 * @param profile the profile, which names the topic
	 * @param pool the pool, which is the record key
	 * @param message the record
	 * @return the record, ready for {@link #publish(Record)}
	 * @throws IllegalArgumentException when the message cannot be encoded
	 */
	public Record encode(String profile, String pool, TicketMessage message) {
		try {
			return new Record(topicOf(profile), pool, this.codec.encode(message));
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("The ticket record cannot be encoded: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Publishes one encoded record and waits for the broker's acknowledgement.
	 * @param record the record
	 * @return completes when acknowledged by all in-sync replicas
	 */
	public Mono<Void> publish(Record record) {
		return this.publisher.publish(record.topic(), record.key(), record.json());
	}

	/**
	 * Encodes and publishes one record, and waits for the broker's acknowledgement.
	 * @param profile the profile, which names the topic
	 * @param pool the pool, which is the record key
	 * @param message the record
	 * @return completes when acknowledged by all in-sync replicas
	 */
	public Mono<Void> publish(String profile, String pool, TicketMessage message) {
		return Mono.fromCallable(() -> encode(profile, pool, message)).flatMap(this::publish);
	}

	/**
	 * An encoded ticket record.
	 *
	 * @param topic its profile's topic
	 * @param key its pool
	 * @param json its value
	 */
	public record Record(String topic, String key, String json) {
	}

}
