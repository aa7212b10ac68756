package dev.rivalry.serverlist.server;

import java.time.Duration;
import java.util.Map;

import dev.rivalry.serverlist.ServerlistIntegrationTest;
import dev.rivalry.serverlist.TestMatch;
import dev.rivalry.serverlist.TestServers;
import dev.rivalry.serverlist.TestServers.Registered;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Heartbeats (200 ms period, tolerance 5, removal after 2.5 s in the test settings).
 */
class ServerHealthIntegrationTests extends ServerlistIntegrationTest {

	@Autowired
	MeterRegistry meters;

	@Test
	void aSilentServerBecomesUnhealthyThenIsRemovedWhileAHeartbeatingOneStaysReady() {
		String game = TestServers.game();
		Registered silent = servers().registerSilent(game, "eu", Map.of());
		Registered beating = servers().register(game, "eu");
		double unhealthyBefore = this.meters.counter("rivalry.servers.unhealthy").count();

		await().atMost(Duration.ofSeconds(10)).until(() -> servers().state(silent.id()).equals("UNHEALTHY"));
		assertThat(servers().state(beating.id())).isEqualTo("READY");
		assertThat(this.meters.counter("rivalry.servers.unhealthy").count()).isGreaterThan(unhealthyBefore);
		TestMatch match = TestMatch.of(game, "eu");
		assertThat(servers().allocatedServer(match.token(0))).isEqualTo(beating.id());
		servers().started(beating, match.matchId()).expectStatus().isOk();

		await().atMost(Duration.ofSeconds(10)).until(() -> servers().state(silent.id()).equals("GONE"));
		assertThat(servers().state(beating.id())).isEqualTo("PLAYING");
	}

	@Test
	void anUnhealthyServerLearnsItFromItsHeartbeatAndIsAllocatedAgainOnceItSaysItIsReady() {
		String game = TestServers.game();
		Registered server = servers().registerSilent(game, "eu", Map.of());
		await().atMost(Duration.ofSeconds(10)).until(() -> servers().state(server.id()).equals("UNHEALTHY"));
		servers().heartbeat(server)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state").isEqualTo("UNHEALTHY");
		servers().allocate(TestMatch.of(game, "eu").token(0)).expectStatus().isEqualTo(503);

		servers().keepAlive(server);
		servers().ready(server).expectStatus().isNoContent();
		assertThat(servers().state(server.id())).isEqualTo("READY");
		assertThat(servers().allocatedServer(TestMatch.of(game, "eu").token(0))).isEqualTo(server.id());
	}

	@Test
	void aPlayingServerThatGoesSilentKeepsItsMatchUntilItIsReadyAgain() {
		String game = TestServers.game();
		Registered server = servers().register(game, "eu");
		TestMatch match = TestMatch.of(game, "eu");
		servers().allocatedServer(match.token(0));
		servers().started(server, match.matchId()).expectStatus().isOk();
		servers().silence(server);

		await().atMost(Duration.ofSeconds(10)).until(() -> servers().state(server.id()).equals("UNHEALTHY"));
		management().get().uri("/v1/servers/{id}", server.id()).exchange().expectBody()
			.jsonPath("$.matchId").isEqualTo(match.matchId());
		assertThat(servers().allocatedServer(match.token(1))).as("a reconnecting player").isEqualTo(server.id());

		servers().keepAlive(server);
		servers().ready(server).expectStatus().isNoContent();
		servers().allocate(match.token(1)).expectStatus().isEqualTo(409);
	}

	@Test
	void theServersByStateGaugeCountsTheWholeServerlist() {
		Registered server = servers().registerSilent(TestServers.game(), "eu", Map.of());
		await().atMost(Duration.ofSeconds(10)).until(() -> servers().state(server.id()).equals("UNHEALTHY"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.meters.get("rivalry.servers").tag("state", "UNHEALTHY").gauge().value() >= 1);
		assertThat(this.meters.get("rivalry.servers").gauges()).hasSize(ServerState.values().length);
	}

}
