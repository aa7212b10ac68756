package dev.rivalry.testsupport;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One in-process KRaft Kafka broker (spring-kafka-test's {@code EmbeddedKafkaKraftBroker})
 * on a random loopback port. New topics get {@link #partitions()} partitions and
 * replication factor 1. Thread-safe.
 *
 * <p>The shared broker comes from {@link TestKafka#get()}; a {@link DedicatedKafka} from
 * {@link TestKafka#startDedicated()} can also be stopped.
 */
public sealed class KafkaBroker permits DedicatedKafka {

	private static final long ADMIN_TIMEOUT_SECONDS = 30;

	private final EmbeddedKafkaBroker broker;

	private final String bootstrapServers;

	KafkaBroker(EmbeddedKafkaBroker broker) {
		this.broker = broker;
		this.bootstrapServers = broker.getBrokersAsString();
	}

	/** {@code host:port} of the broker, for {@code bootstrap.servers}. */
	public String bootstrapServers() {
		return this.bootstrapServers;
	}

	/** Partitions of a topic created without a count (also by auto-creation). */
	public int partitions() {
		return this.broker.getPartitionsPerTopic();
	}

	/** Creates the topics with {@link #partitions()} partitions each; existing ones are left as they are. */
	public void createTopics(String... topics) {
		create(Arrays.stream(topics).map((topic) -> new NewTopic(topic, partitions(), (short) 1)).toList());
	}

	/** Creates the topic with the given partitions; an existing one is left as it is. */
	public void createTopic(String topic, int partitions) {
		create(List.of(new NewTopic(topic, partitions, (short) 1)));
	}

	/**
	 * Producer settings for this broker: String keys and values, {@code acks=all}. A new
	 * mutable map on each call, to add to.
	 */
	public Map<String, Object> producerProps() {
		Map<String, Object> props = new HashMap<>();
		props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		props.put(ProducerConfig.ACKS_CONFIG, "all");
		props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		return props;
	}

	/**
	 * Consumer settings for this broker: the group, String keys and values, reading from the
	 * earliest offset, no auto-commit. A new mutable map on each call, to add to.
	 */
	public Map<String, Object> consumerProps(String group) {
		Map<String, Object> props = new HashMap<>();
		props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		return props;
	}

	/**
	 * The Spring properties that point an application at this broker:
	 * {@code spring.kafka.bootstrap-servers} and {@code spring.cloud.stream.kafka.binder.brokers}.
	 */
	public Map<String, Object> springProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.kafka.bootstrap-servers", this.bootstrapServers);
		properties.put("spring.cloud.stream.kafka.binder.brokers", this.bootstrapServers);
		return properties;
	}

	/** Adds {@link #springProperties()} to a {@code @DynamicPropertySource} registry. */
	public void registerProperties(DynamicPropertyRegistry registry) {
		springProperties().forEach((name, value) -> registry.add(name, () -> value));
	}

	/** The spring-kafka-test broker, for {@code KafkaTestUtils} and the like. */
	public EmbeddedKafkaBroker embedded() {
		return this.broker;
	}

	private void create(List<NewTopic> topics) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers))) {
			admin.createTopics(topics).values().forEach((name, future) -> {
				try {
					future.get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
				}
				catch (ExecutionException ex) {
					// Tests of one JVM share the broker: a topic made by an earlier test is fine.
					if (!(ex.getCause() instanceof TopicExistsException)) {
						throw new IllegalStateException("Could not create topic " + name, ex.getCause());
					}
				}
				catch (TimeoutException ex) {
					throw new IllegalStateException("Topic " + name + " not created within "
							+ ADMIN_TIMEOUT_SECONDS + " s", ex);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted while creating topic " + name, ex);
				}
			});
		}
	}

}
