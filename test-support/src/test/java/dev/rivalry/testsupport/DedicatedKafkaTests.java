package dev.rivalry.testsupport;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DedicatedKafkaTests {

	@Test
	void producingFailsWithinTheDeliveryTimeoutOnceTheBrokerIsStopped() throws Exception {
		try (DedicatedKafka kafka = TestKafka.startDedicated(1)) {
			assertThat(kafka.bootstrapServers()).isNotEqualTo(TestKafka.bootstrapServers());
			kafka.createTopics("rivalry.matches");
			try (KafkaProducer<String, String> producer = new KafkaProducer<>(boundedProducerProps(kafka))) {
				producer.send(new ProducerRecord<>("rivalry.matches", "m-1", "up")).get(10, TimeUnit.SECONDS);

				kafka.stop();

				assertThat(kafka.isRunning()).isFalse();
				assertThatExceptionOfType(ExecutionException.class)
					.isThrownBy(() -> producer.send(new ProducerRecord<>("rivalry.matches", "m-2", "down"))
						.get(10, TimeUnit.SECONDS))
					.withCauseInstanceOf(TimeoutException.class);
			}
		}
	}

	@Test
	void aBrokerThatDoesNotStartInTimeIsAbandonedTriedAgainAndReportedInsteadOfWaitedForForever() {
		System.setProperty(TestKafka.START_TIMEOUT_PROPERTY, "PT0.001S");
		try {
			assertThatIllegalStateException().isThrownBy(() -> TestKafka.startDedicated(1))
				.withMessageContaining("the in-process broker did not start")
				.satisfies((ex) -> assertThat(ex.getSuppressed()).hasSize(1));
		}
		finally {
			System.clearProperty(TestKafka.START_TIMEOUT_PROPERTY);
		}
	}

	private static Map<String, Object> boundedProducerProps(KafkaBroker kafka) {
		Map<String, Object> props = kafka.producerProps();
		// Give up on a dead broker in about a second instead of the default two minutes.
		props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000);
		props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 500);
		props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1000);
		props.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 50);
		props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
		return props;
	}

}
