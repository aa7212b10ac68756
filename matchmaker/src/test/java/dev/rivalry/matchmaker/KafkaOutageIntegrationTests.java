package dev.rivalry.matchmaker;

import java.util.Map;

import dev.rivalry.tickets.TicketKeys;
import dev.rivalry.testsupport.DedicatedKafka;
import dev.rivalry.testsupport.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.rivalry.matchmaker.TicketFixtures.player;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With its broker stopped, the matchmaker answers 503 and keeps nothing: no searching
 * ticket, no claim on the player.
 */
class KafkaOutageIntegrationTests {

	static DedicatedKafka broker;

	static ConfigurableApplicationContext matchmaker;

	@BeforeAll
	static void start() {
		broker = TestKafka.startDedicated();
		matchmaker = MatchmakerInstances.start(broker.bootstrapServers(), Map.of());
	}

	@AfterAll
	static void stop() {
		matchmaker.close();
		broker.close();
	}

	@Test
	void aTicketThatKafkaCannotTakeIsRefusedWithServiceUnavailableAndLeavesNothing() {
		WebTestClient client = TicketFixtures.client(MatchmakerInstances.portOf(matchmaker));
		TicketFixtures.createDuel(client, player("warm-up"));
		broker.stop();
		String zed = player("zed");
		client.post()
			.uri("/v1/tickets")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(TicketFixtures.duelRequest(zed))
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.exists("Retry-After")
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://rivalry.dev/problems/ticket-stream-unavailable");
		ReactiveStringRedisTemplate redis = matchmaker.getBean(ReactiveStringRedisTemplate.class);
		TicketKeys keys = matchmaker.getBean(TicketKeys.class);
		assertThat(redis.hasKey(keys.activeTicket("duel", zed)).block()).isFalse();
		assertThat(redis.keys(keys.prefix() + "t:*")
			.flatMap((key) -> redis.<String, String>opsForHash().get(key, "ticket"))
			.filter((ticket) -> ticket.contains(zed))
			.count()
			.block()).isZero();
	}

}
