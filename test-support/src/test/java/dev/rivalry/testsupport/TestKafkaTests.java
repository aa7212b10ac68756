package dev.rivalry.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TestKafkaTests {

	private final KafkaBroker kafka = TestKafka.get();

	@Test
	void aRecordProducedWithAcksAllIsConsumedBackWithItsKeyAndValue() throws Exception {
		String topic = "rivalry.tickets.round-trip";
		this.kafka.createTopics(topic);

		RecordMetadata sent;
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(this.kafka.producerProps())) {
			sent = producer.send(new ProducerRecord<>(topic, "eu", "{\"ticket\":\"t-1\"}")).get(10, TimeUnit.SECONDS);
		}

		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(this.kafka.consumerProps("round-trip"))) {
			consumer.subscribe(List.of(topic));
			ConsumerRecord<String, String> received = KafkaTestUtils.getSingleRecord(consumer, topic,
					Duration.ofSeconds(10));
			assertThat(received.key()).isEqualTo("eu");
			assertThat(received.value()).isEqualTo("{\"ticket\":\"t-1\"}");
			assertThat(received.partition()).isEqualTo(sent.partition());
			assertThat(received.offset()).isEqualTo(sent.offset());
		}
	}

	@Test
	void everyCallGetsTheSameBroker() {
		assertThat(TestKafka.get()).isSameAs(this.kafka);
		assertThat(TestKafka.bootstrapServers()).isEqualTo(this.kafka.bootstrapServers());
	}

	@Test
	void topicsAreCreatedWithTheDefaultOrGivenPartitionsAndCreatingThemAgainIsHarmless() throws Exception {
		this.kafka.createTopics("rivalry.tickets.defaults");
		this.kafka.createTopic("rivalry.tickets.eight", 8);
		this.kafka.createTopics("rivalry.tickets.defaults");
		this.kafka.createTopic("rivalry.tickets.eight", 2);

		assertThat(partitionsOf("rivalry.tickets.defaults", "rivalry.tickets.eight"))
			.containsEntry("rivalry.tickets.defaults", TestKafka.DEFAULT_PARTITIONS)
			.containsEntry("rivalry.tickets.eight", 8);
	}

	@Test
	void aTopicNobodyCreatedIsCreatedOnFirstUseWithTheDefaultPartitions() throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(this.kafka.producerProps())) {
			producer.send(new ProducerRecord<>("rivalry.tickets.auto", "eu", "t-2")).get(10, TimeUnit.SECONDS);
		}

		assertThat(partitionsOf("rivalry.tickets.auto")).containsEntry("rivalry.tickets.auto",
				TestKafka.DEFAULT_PARTITIONS);
	}

	@Test
	void theBrokerLeavesNoAddressInSystemPropertiesForOtherContextsToPickUp() {
		assertThat(System.getProperty("spring.kafka.bootstrap-servers")).isNull();
		assertThat(System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS)).isNull();
	}

	@Test
	void springPropertiesPointKafkaAndTheStreamBinderAtTheBroker() {
		assertThat(this.kafka.springProperties())
			.containsEntry("spring.kafka.bootstrap-servers", this.kafka.bootstrapServers())
			.containsEntry("spring.cloud.stream.kafka.binder.brokers", this.kafka.bootstrapServers());
	}

	/**
	 * The topics' partition counts, once the broker's metadata knows them: a topic just
	 * created may be unknown for a moment on a busy machine.
	 */
	private Map<String, Integer> partitionsOf(String... topics) {
		return await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.until(() -> describe(topics), (partitions) -> partitions.size() == topics.length);
	}

	private Map<String, Integer> describe(String... topics) throws Exception {
		try (Admin admin = Admin.create(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka.bootstrapServers()))) {
			return admin.describeTopics(List.of(topics))
				.allTopicNames()
				.get(10, TimeUnit.SECONDS)
				.values()
				.stream()
				.collect(Collectors.toMap((description) -> description.name(),
						(description) -> description.partitions().size()));
		}
	}

}
