package dev.rivalry.standalone;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.rivalry.client.Ticket;
import dev.rivalry.testsupport.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka broker restarts under the running services (its log kept, as a real broker's
 * is): while it is down a create answers {@code 503} with {@code Retry-After} and leaves no
 * ticket; a ticket acknowledged before the outage waits through it, the engine resumes from
 * its committed low-water mark, and the ticket is matched exactly once after it.
 */
class KafkaRestartEndToEndTests {

	@TempDir
	Path data;

	InProcessKafka kafka;

	Services services;

	@AfterEach
	void stop() {
		if (this.services != null) {
			this.services.close();
		}
		if (this.kafka != null) {
			this.kafka.close();
		}
	}

	@Test
	void anAcknowledgedTicketOutlivesABrokerRestartAndCreatesMeanwhileAreServiceUnavailable() throws Exception {
		int port = FreePorts.forRestart();
		int controllerPort = FreePorts.forRestart();
		this.kafka = InProcessKafka.start(port, controllerPort, this.data);
		this.services = new Services("engine-kafka-restart", this.kafka.bootstrapServers()).start();
		Players players = new Players(this.services);
		Ticket waiting = players.queue(List.of("kr-alice"), "duel").block(Duration.ofSeconds(30));

		this.kafka.close();
		this.kafka = null;
		String bob = this.services.playerToken("kr-bob");
		this.services.matchmaker()
			.post()
			.uri("/v1/tickets")
			.headers((headers) -> headers.setBearerAuth(bob))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("players", List.of(Map.of("id", "kr-bob")), "attributes",
					Map.of("mode", "duel", "region", "eu")))
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.exists("Retry-After");

		this.kafka = InProcessKafka.start(port, controllerPort, this.data);
		Ticket partner = players.queue(List.of("kr-carol"), "duel")
			.retryWhen(reactor.util.retry.Retry.fixedDelay(30, Duration.ofSeconds(1)))
			.block(Duration.ofSeconds(60));
		Ticket alice = players.finalState(waiting).block(Duration.ofSeconds(60));
		Ticket carol = players.finalState(partner).block(Duration.ofSeconds(60));
		assertThat(alice.state()).isEqualTo("MATCHED");
		assertThat(carol.state()).isEqualTo("MATCHED");
		assertThat(alice.match().id()).isEqualTo(carol.match().id());
	}

}
