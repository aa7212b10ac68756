package dev.rivalry.serverlist;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.rivalry.client.Allocation;
import dev.rivalry.client.GameServer;
import dev.rivalry.client.GameServerSettings;
import dev.rivalry.client.RivalryClient;
import dev.rivalry.serverlist.FakeMatchmaker.PostedResult;
import dev.rivalry.serverlist.TestServers.Registered;
import dev.rivalry.tokens.AllocationClaims;
import dev.rivalry.tokens.ReportClaims;
import dev.rivalry.tokens.SigningKeys;
import dev.rivalry.tokens.TokenKind;
import dev.rivalry.tokens.TokenVerifier;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The whole loop as a game server lives it, through the client library's {@link GameServer}: register,
 * heartbeat, receive the allocation, let the players in on their allocation tokens (checked
 * locally against the serverlist's JWKS), confirm the start, report the results to the
 * matchmaker with the report token, and be ready again.
 */
class GameServerClientIntegrationTests extends ServerlistIntegrationTest {

	@Autowired
	SigningKeys serverlistKeys;

	@Test
	void aGameServerPlaysAMatchFromAllocationToResultsAndIsReadyAgain() throws InterruptedException {
		String game = TestServers.game();
		try (GameServer server = gameServer(game)) {
			server.start().block(Duration.ofSeconds(10));
			TestMatch match = TestMatch.of(game, "eu");
			String ann = (String) servers().allocation(match.token(0)).get("token");
			String bob = (String) servers().allocation(match.token(1)).get("token");

			Allocation allocation = server.allocations().blockFirst(Duration.ofSeconds(10));
			assertThat(allocation.matchId()).isEqualTo(match.matchId());
			assertThat(allocation.participants()).isEqualTo(match.participants());
			assertThat(allocation.config()).isEqualTo(match.config());

			AllocationClaims first = server.admit(ann).block(Duration.ofSeconds(10));
			assertThat(first.playerId()).isEqualTo(match.player(0));
			assertThat(servers().state(server.id())).isEqualTo("ALLOCATED");
			server.admit(bob).block(Duration.ofSeconds(10));
			assertThat(servers().state(server.id())).as("started once everyone is in").isEqualTo("PLAYING");

			server.reportResults(List.of(1, 2)).block(Duration.ofSeconds(10));
			PostedResult posted = resultOf(match.matchId());
			assertThat(posted.body()).isEqualTo("{\"teams\":[{\"rank\":1},{\"rank\":2}]}");
			ReportClaims report = Tokens.verifiedReport(this.serverlistKeys,
					posted.authorization().substring("Bearer ".length()));
			assertThat(report.serverId()).isEqualTo(server.id());
			assertThat(report.matchId()).isEqualTo(match.matchId());

			server.ready().block(Duration.ofSeconds(10));
			assertThat(servers().state(server.id())).isEqualTo("READY");
			server.deregister().block(Duration.ofSeconds(10));
			assertThat(servers().state(server.id())).isEqualTo("GONE");
		}
	}

	@Test
	void aPlayerWithAnotherServersAllocationTokenIsRefused() {
		String game = TestServers.game();
		try (GameServer server = gameServer(game)) {
			server.start().block(Duration.ofSeconds(10));
			TestMatch mine = TestMatch.of(game, "eu");
			servers().allocation(mine.token(0));
			server.allocations().blockFirst(Duration.ofSeconds(10));

			String otherGame = TestServers.game();
			Registered other = servers().register(otherGame, "eu");
			TestMatch theirs = TestMatch.of(otherGame, "eu");
			String stranger = (String) servers().allocation(theirs.token(0)).get("token");
			assertThat(serverlistVerifier().verify(stranger, TokenKind.ALLOCATION, other.id()).block().isVerified()).isTrue();

			assertThatExceptionOfType(GameServer.Refused.class)
				.isThrownBy(() -> server.admit(stranger).block(Duration.ofSeconds(10)))
				.withMessageContaining("wrong_audience");
			assertThat(servers().state(server.id())).isEqualTo("ALLOCATED");
		}
	}

	@Test
	void aGameServerFoundUnhealthyWhileIdleMakesItselfReadyAgain() {
		String game = TestServers.game();
		try (GameServer server = rivalry().gameServer(GameServerSettings.of(TestServers.BLUE_KEY, "127.0.0.1:7778", "eu")
			.withGame(game)
			.withHeartbeatPeriod(Duration.ofMillis(1500)))) {
			server.start().block(Duration.ofSeconds(10));
			await().atMost(Duration.ofSeconds(10)).until(() -> servers().state(server.id()).equals("UNHEALTHY"));
			await().atMost(Duration.ofSeconds(10)).until(() -> servers().state(server.id()).equals("READY"));
		}
	}

	private GameServer gameServer(String game) {
		return rivalry().gameServer(GameServerSettings.of(TestServers.BLUE_KEY, "127.0.0.1:7777", "eu")
			.withGame(game)
			.withLabels(Map.of("map", "arena"))
			.withHeartbeatPeriod(Duration.ofMillis(100)));
	}

	private RivalryClient rivalry() {
		return RivalryClient.builder()
			.serverlist(URI.create("http://localhost:" + this.port))
			.matchmaker(FakeMatchmaker.get().baseUrl())
			.build();
	}

	private static PostedResult resultOf(String matchId) throws InterruptedException {
		for (PostedResult result = FakeMatchmaker.get().results().poll(10, TimeUnit.SECONDS); result != null;
				result = FakeMatchmaker.get().results().poll(10, TimeUnit.SECONDS)) {
			if (result.matchId().equals(matchId)) {
				return result;
			}
		}
		throw new AssertionError("No results posted for " + matchId);
	}

	private TokenVerifier serverlistVerifier() {
		return TokenVerifier.builder().localKeys(this.serverlistKeys).build();
	}

}
