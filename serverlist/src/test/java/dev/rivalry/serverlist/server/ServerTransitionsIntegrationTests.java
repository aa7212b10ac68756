package dev.rivalry.serverlist.server;

import java.time.Duration;

import dev.rivalry.serverlist.ServerlistIntegrationTest;
import dev.rivalry.serverlist.TestMatch;
import dev.rivalry.serverlist.TestServers;
import dev.rivalry.serverlist.TestServers.Registered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The transitions a server asks for itself ({@code …/started}, {@code …/ready}) from every
 * state, through the real scripts: allowed ones apply (or change nothing when the server is
 * already there), the others are 409 problems that change nothing: a {@code started} of a
 * match the server does not hold is {@code not-allocated-to-match}, one the table forbids
 * {@code illegal-transition}. The transitions the
 * serverlist makes (allocation, deadline, health) have their own tests.
 */
class ServerTransitionsIntegrationTests extends ServerlistIntegrationTest {

	@ParameterizedTest(name = "{0} + {1} -> {2} {3} {4}")
	@CsvSource(nullValues = "none", value = {
			"READY,     started, 409, READY,     not-allocated-to-match",
			"READY,     ready,   204, READY,     none",
			"ALLOCATED, started, 200, PLAYING,   none",
			"ALLOCATED, ready,   204, READY,     none",
			"PLAYING,   started, 200, PLAYING,   none",
			"PLAYING,   ready,   204, READY,     none",
			"UNHEALTHY, started, 409, UNHEALTHY, illegal-transition",
			"UNHEALTHY, ready,   204, READY,     none" })
	void aServerMovesOnlyAsTheTableAllows(ServerState from, String request, int status, ServerState after,
			String problem) {
		Placed placed = placeIn(from);
		WebTestClient.ResponseSpec response = request.equals("started")
				? servers().started(placed.server(), placed.match().matchId()) : servers().ready(placed.server());
		response.expectStatus().isEqualTo(status);
		if (problem != null) {
			WebTestClient.BodyContentSpec body = response.expectBody()
				.jsonPath("$.type").isEqualTo("https://rivalry.dev/problems/" + problem)
				.jsonPath("$.reportToken").doesNotExist();
			if (problem.equals("illegal-transition")) {
				body.jsonPath("$.from").isEqualTo(from.name()).jsonPath("$.to").isEqualTo("PLAYING");
			}
		}
		assertThat(servers().state(placed.server().id())).isEqualTo(after.name());
	}

	@Test
	void startingAnotherMatchThanTheAllocatedOneIsRefused() {
		Placed placed = placeIn(ServerState.ALLOCATED);
		servers().started(placed.server(), "m-someone-else")
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://rivalry.dev/problems/not-allocated-to-match")
			.jsonPath("$.matchId").isEqualTo("m-someone-else");
		assertThat(servers().state(placed.server().id())).isEqualTo("ALLOCATED");
	}

	@Test
	void anAllocationGivenBackLetsTheMatchGoElsewhere() {
		Placed placed = placeIn(ServerState.ALLOCATED);
		servers().ready(placed.server()).expectStatus().isNoContent();
		servers().allocate(placed.match().token(1)).expectStatus().isEqualTo(200);
		assertThat(servers().state(placed.server().id())).as("alone in its game, it is chosen again").isEqualTo("ALLOCATED");
	}

	/** A server of its own game in {@code state}; the match it holds, if any. */
	private Placed placeIn(ServerState state) {
		String game = TestServers.game();
		Registered server = servers().register(game, "eu");
		TestMatch match = TestMatch.of(game, "eu");
		if (state == ServerState.READY) {
			return new Placed(server, match);
		}
		assertThat(servers().allocatedServer(match.token(0))).isEqualTo(server.id());
		if (state == ServerState.ALLOCATED) {
			return new Placed(server, match);
		}
		servers().started(server, match.matchId()).expectStatus().isOk();
		if (state == ServerState.UNHEALTHY) {
			servers().silence(server);
			await().atMost(Duration.ofSeconds(10)).until(() -> servers().state(server.id()).equals("UNHEALTHY"));
		}
		return new Placed(server, match);
	}

	private record Placed(Registered server, TestMatch match) {
	}

}
