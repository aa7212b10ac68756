package dev.rivalry.serverlist.allocation;

import java.time.Duration;

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
 * The start deadline (1.5 s in the test settings): an allocation not confirmed in time expires,
 * frees its server and lets the match go to a fresh one.
 */
class AllocationExpiryIntegrationTests extends ServerlistIntegrationTest {

	@Autowired
	Allocations allocations;

	@Autowired
	MeterRegistry meters;

	@Test
	void anAllocationNotStartedByTheDeadlineExpiresAndTheMatchGetsAFreshServer() {
		String game = TestServers.game();
		Registered a = servers().register(game, "eu");
		Registered b = servers().register(game, "eu");
		TestMatch match = TestMatch.of(game, "eu");
		double expiredBefore = this.meters.counter("rivalry.allocations.expired").count();
		String first = servers().allocatedServer(match.token(0));
		Registered late = first.equals(a.id()) ? a : b;
		Registered other = (late == a) ? b : a;

		await().atMost(Duration.ofSeconds(10)).until(() -> servers().state(late.id()).equals("READY"));
		assertThat(this.allocations.find(match.matchId()).block().state()).isEqualTo("EXPIRED");
		assertThat(this.meters.counter("rivalry.allocations.expired").count()).isGreaterThan(expiredBefore);
		servers().started(late, match.matchId())
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://rivalry.dev/problems/not-allocated-to-match")
			.jsonPath("$.state").isEqualTo("READY")
			.jsonPath("$.reportToken").doesNotExist();

		assertThat(servers().allocatedServer(match.token(1))).isEqualTo(other.id());
		assertThat(servers().allocatedServer(match.token(0))).isEqualTo(other.id());
	}

	@Test
	void aServerThatStoppedHeartbeatingLosesItsAllocationAndIsUnhealthy() {
		String game = TestServers.game();
		Registered silent = servers().register(game, "eu");
		TestMatch match = TestMatch.of(game, "eu");
		assertThat(servers().allocatedServer(match.token(0))).isEqualTo(silent.id());
		servers().silence(silent);
		Registered fresh = servers().register(game, "eu");

		await().atMost(Duration.ofSeconds(10)).until(() -> servers().state(silent.id()).equals("UNHEALTHY"));
		assertThat(this.allocations.find(match.matchId()).block().state()).isEqualTo("EXPIRED");
		assertThat(servers().allocatedServer(match.token(1))).isEqualTo(fresh.id());
	}

	@Test
	void aStartConfirmedBeforeTheDeadlineMakesTheServerPlayingForGood() {
		String game = TestServers.game();
		Registered playing = servers().register(game, "eu");
		TestMatch match = TestMatch.of(game, "eu");
		assertThat(servers().allocatedServer(match.token(0))).isEqualTo(playing.id());
		servers().started(playing, match.matchId()).expectStatus().isOk();
		servers().started(playing, match.matchId()).expectStatus().isOk();
		assertThat(servers().state(playing.id())).isEqualTo("PLAYING");

		// A control allocated later and never started: once it expired, the first deadline has passed too.
		String controlGame = TestServers.game();
		Registered control = servers().register(controlGame, "eu");
		servers().allocatedServer(TestMatch.of(controlGame, "eu").token(0));
		await().atMost(Duration.ofSeconds(10)).until(() -> servers().state(control.id()).equals("READY"));

		assertThat(servers().state(playing.id())).isEqualTo("PLAYING");
		assertThat(this.allocations.find(match.matchId()).block().state()).isEqualTo("STARTED");
		assertThat(servers().allocatedServer(match.token(1))).isEqualTo(playing.id());
	}

}
