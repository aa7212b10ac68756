package dev.rivalry.operator.topic;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The profiles' ticket topics, through Kafka's admin client. Calls block (the operator's
 * reconcilers run on threads of their own) and fail with {@link TopicsUnavailableException}
 * after the timeout, which makes the reconciler retry. Thread safe.
 */
public final class TicketTopics {

	private final Admin admin;

	private final int partitions;

	private final Optional<Short> replicationFactor;

	private final Duration timeout;

	/**
	 * @param admin the admin client, closed by its owner
	 * @param partitions partitions of a topic this creates
	 * @param replicationFactor replicas of a topic this creates; empty for the broker's default
	 * @param timeout bound on each call
	 */
	public TicketTopics(Admin admin, int partitions, Optional<Short> replicationFactor, Duration timeout) {
		this.admin = admin;
		this.partitions = partitions;
		this.replicationFactor = replicationFactor;
		this.timeout = timeout;
	}

	/**
	 * Creates the topic unless it exists. An existing topic is left as it is, whatever its
	 * partitions: adding partitions would move pools between partitions, and so between
	 * engines, with tickets waiting in them.
	 * @param topic the topic
	 * @return its partitions
	 */
	public int ensure(String topic) {
		Optional<Integer> existing = partitionsOf(topic);
		if (existing.isPresent()) {
			return existing.get();
		}
		try {
			await(this.admin.createTopics(List.of(new NewTopic(topic, Optional.of(this.partitions), this.replicationFactor)))
				.all());
			return this.partitions;
		}
		catch (TopicsUnavailableException ex) {
			// Created meanwhile (by a matchmaker's or an engine's binder, or by this call's
			// previous attempt), perhaps not yet in the metadata the broker answers with.
			if (ex.getCause() instanceof TopicExistsException) {
				return partitionsOnceKnown(topic, ex);
			}
			throw ex;
		}
	}

	private int partitionsOnceKnown(String topic, TopicsUnavailableException cause) {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		while (System.nanoTime() < deadline) {
			Optional<Integer> partitions = partitionsOf(topic);
			if (partitions.isPresent()) {
				return partitions.get();
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw cause;
	}

	/**
	 * Deletes the topic; a missing one is no error.
	 * @param topic the topic
	 */
	public void delete(String topic) {
		try {
			await(this.admin.deleteTopics(Set.of(topic)).all());
		}
		catch (TopicsUnavailableException ex) {
			if (!(ex.getCause() instanceof UnknownTopicOrPartitionException)) {
				throw ex;
			}
		}
	}

	/**
	 * @param topic the topic
	 * @return its partitions, or empty when it does not exist
	 */
	public Optional<Integer> partitionsOf(String topic) {
		try {
			TopicDescription description = await(this.admin.describeTopics(Set.of(topic)).topicNameValues().get(topic));
			return Optional.of(description.partitions().size());
		}
		catch (TopicsUnavailableException ex) {
			if (ex.getCause() instanceof UnknownTopicOrPartitionException) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	private <T> T await(org.apache.kafka.common.KafkaFuture<T> future) {
		try {
			return future.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new TopicsUnavailableException(ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new TopicsUnavailableException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TopicsUnavailableException(ex);
		}
	}

	/** Kafka did not do what was asked within the timeout; the cause says why. */
	public static final class TopicsUnavailableException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		TopicsUnavailableException(Throwable cause) {
			super("Kafka: " + cause.getMessage(), cause);
		}

	}

}
