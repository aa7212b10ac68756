package dev.rivalry.operator.topic;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.rivalry.testsupport.TestKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Ticket topics on the real in-process Kafka: made once, never repartitioned, deleted on demand. */
class TicketTopicsIntegrationTests {

	private static Admin admin;

	private static TicketTopics topics;

	@BeforeAll
	static void connect() {
		admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
		topics = new TicketTopics(admin, 5, Optional.empty(), Duration.ofSeconds(10));
	}

	@AfterAll
	static void disconnect() {
		admin.close();
	}

	@Test
	void aMissingTopicIsMadeWithTheConfiguredPartitionsAndAnExistingOneKeepsItsOwn() {
		String made = "rivalry.tickets.made-" + UUID.randomUUID();
		assertThat(topics.ensure(made)).isEqualTo(5);
		assertThat(topics.ensure(made)).isEqualTo(5);

		String existing = "rivalry.tickets.existing-" + UUID.randomUUID();
		TestKafka.get().createTopic(existing, 2);
		assertThat(topics.ensure(existing)).as("never repartitioned").isEqualTo(2);
	}

	@Test
	void aDeletedTopicIsGoneAndDeletingItAgainIsNoError() {
		String topic = "rivalry.tickets.deleted-" + UUID.randomUUID();
		topics.ensure(topic);
		topics.delete(topic);
		await().atMost(Duration.ofSeconds(10)).until(() -> topics.partitionsOf(topic).isEmpty());
		topics.delete(topic);
	}

}
