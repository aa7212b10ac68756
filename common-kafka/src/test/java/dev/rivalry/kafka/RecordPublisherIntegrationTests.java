package dev.rivalry.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.rivalry.testsupport.RealKafka;
import dev.rivalry.testsupport.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publisher against a real broker, through the Kafka binder as the services configure it:
 * a record is acknowledged through the producer's callback, so a single send thread is
 * enough for many records in flight, and nothing stays registered afterwards.
 */
@RealKafka
@SpringBootTest(properties = { "spring.cloud.stream.function.autodetect=false",
		"spring.cloud.stream.kafka.binder.required-acks=all" })
class RecordPublisherIntegrationTests {

	private static final String TOPIC = "rivalry.test.publisher";

	@Autowired
	private StreamBridge bridge;

	@Autowired
	private SendAcknowledgements acknowledgements;

	private RecordPublisher publisher;

	@BeforeEach
	void oneSendThread() {
		this.publisher = new RecordPublisher(this.bridge, this.acknowledgements, 1, "test-send", Duration.ofSeconds(15));
	}

	@AfterEach
	void close() {
		this.publisher.close();
	}

	@Test
	void anAcknowledgedRecordIsOnTheTopicWithItsKey() {
		this.publisher.publish(TOPIC, "pool-7", "{\"n\":1}").block(Duration.ofSeconds(30));

		assertThat(read(TOPIC, 1)).anySatisfy((record) -> {
			assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("pool-7");
			assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}");
		});
	}

	@Test
	void acknowledgementsDoNotHoldTheSendThreadSoOneServesManyRecordsInFlight() {
		Set<String> completedOn = ConcurrentHashMap.newKeySet();

		Flux.range(0, 200)
			.flatMap((n) -> this.publisher.publish(TOPIC + ".many", "k" + (n % 7), "{\"n\":" + n + "}")
				.doOnSuccess((done) -> completedOn.add(Thread.currentThread().getName())), 200)
			.then()
			.block(Duration.ofSeconds(60));

		assertThat(read(TOPIC + ".many", 200)).hasSize(200);
		assertThat(completedOn).noneMatch((thread) -> thread.startsWith("test-send"));
		assertThat(this.acknowledgements.awaiting()).isZero();
	}

	private static List<ConsumerRecord<byte[], byte[]>> read(String topic, int atLeast) {
		Map<String, Object> config = TestKafka.get().consumerProps("reader-" + System.nanoTime());
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
			consumer.subscribe(List.of(topic));
			List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (records.size() < atLeast && System.nanoTime() < deadline) {
				KafkaTestUtils.getRecords(consumer, Duration.ofSeconds(2)).forEach(records::add);
			}
			return records;
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Publishing {

	}

}
