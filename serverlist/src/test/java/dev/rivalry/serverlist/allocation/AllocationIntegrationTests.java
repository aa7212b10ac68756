package dev.rivalry.serverlist.allocation;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.rivalry.serverlist.ServerlistIntegrationTest;
import dev.rivalry.serverlist.TestMatch;
import dev.rivalry.serverlist.TestServers;
import dev.rivalry.serverlist.TestServers.Registered;
import dev.rivalry.serverlist.Tokens;
import dev.rivalry.tokens.AllocationClaims;
import dev.rivalry.tokens.TokenKind;
import dev.rivalry.tokens.TokenVerifier;
import dev.rivalry.tokens.Verified;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AllocationIntegrationTests extends ServerlistIntegrationTest {

	@Autowired
	TokenVerifier verifier;

	@Autowired
	MeterRegistry meters;

	@Test
	void theFirstCallPicksTheServerThatFitsAndEveryLaterCallGetsTheSame() {
		String game = TestServers.game();
		servers().register(TestServers.game(), "eu", Map.of("map", "arena"));
		servers().register(game, "us", Map.of("map", "arena"));
		servers().register(game, "eu", Map.of("map", "harbour"));
		servers().register(game, "eu", Map.of());
		Registered fitting = servers().register(game, "eu", Map.of("map", "arena", "tier", "gold"));
		TestMatch match = TestMatch.of(game, "eu", Map.of("map", "arena"), 2);

		Map<String, Object> first = allocation(match.token(0));
		assertThat(first).containsOnlyKeys("matchId", "token", "conn", "expiresAt");
		assertThat(first.get("matchId")).isEqualTo(match.matchId());
		assertThat(first.get("conn")).isEqualTo(fitting.address());
		AllocationClaims ann = verifiedAllocation((String) first.get("token"), fitting.id());
		assertThat(ann.playerId()).isEqualTo(match.player(0));
		assertThat(ann.serverId()).isEqualTo(fitting.id());
		assertThat(ann.conn()).isEqualTo(fitting.address());
		assertThat(ann.participants()).isEqualTo(match.participants());
		assertThat(ann.config()).isEqualTo(match.config());
		assertThat(Tokens.header((String) first.get("token")).get("typ")).isEqualTo("rivalry-allocation+jwt");
		assertThat(Tokens.payload((String) first.get("token")).get("exp").toString())
			.isEqualTo(Long.toString(Instant.parse((String) first.get("expiresAt")).getEpochSecond()));

		Map<String, Object> second = allocation(match.token(1));
		assertThat(second.get("conn")).isEqualTo(fitting.address());
		assertThat(verifiedAllocation((String) second.get("token"), fitting.id()).playerId()).isEqualTo(match.player(1));
		Map<String, Object> again = allocation(match.token(0));
		assertThat(Tokens.audience((String) again.get("token"))).isEqualTo(fitting.id());
		assertThat(servers().state(fitting.id())).isEqualTo("ALLOCATED");
	}

	@Test
	void aMatchWithoutRegionOrLabelsFitsAnyServerOfItsGame() {
		String game = TestServers.game();
		Registered only = servers().register(game, "ap", Map.of("map", "arena"));
		assertThat(servers().allocatedServer(TestMatch.of(game, null).token(0))).isEqualTo(only.id());
	}

	@Test
	void aTokenWithoutGameGoesToServersOfTheDefaultGame() {
		String region = "r-" + TestServers.game();
		Registered server = servers().register(null, region, Map.of());
		TestMatch match = TestMatch.of(null, region);
		assertThat(servers().allocatedServer(match.token(0))).isEqualTo(server.id());
		management().get().uri("/v1/servers/{id}", server.id()).exchange().expectBody().jsonPath("$.game").isEqualTo("default");
	}

	@Test
	void noFittingServerIsAServiceUnavailableProblemWithRetryAfter() {
		String game = TestServers.game();
		servers().register(game, "us");
		double before = count("no-capacity");
		servers().allocate(TestMatch.of(game, "eu").token(0))
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "2")
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://rivalry.dev/problems/no-capacity")
			.jsonPath("$.region").isEqualTo("eu")
			.jsonPath("$.game").isEqualTo(game);
		assertThat(count("no-capacity")).isEqualTo(before + 1);
	}

	@Test
	void anUnhealthyServerIsNeverAllocated() {
		String game = TestServers.game();
		Registered silent = servers().registerSilent(game, "eu", Map.of());
		await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> servers().state(silent.id()).equals("UNHEALTHY"));
		servers().allocate(TestMatch.of(game, "eu").token(0)).expectStatus().isEqualTo(503);
	}

	@Test
	void aMatchThatWasPlayedIsNotAllocatedAgain() {
		String game = TestServers.game();
		Registered server = servers().register(game, "eu");
		TestMatch match = TestMatch.of(game, "eu");
		servers().allocatedServer(match.token(0));
		servers().started(server, match.matchId()).expectStatus().isOk();
		servers().ready(server).expectStatus().isNoContent();
		servers().allocate(match.token(1))
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://rivalry.dev/problems/match-ended");
		assertThat(servers().state(server.id())).isEqualTo("READY");
	}

	@Test
	void outcomesAreCountedAndTimed() {
		String game = TestServers.game();
		servers().register(game, "eu");
		TestMatch match = TestMatch.of(game, "eu");
		double allocated = count("allocated");
		double existing = count("existing");
		servers().allocatedServer(match.token(0));
		servers().allocatedServer(match.token(1));
		assertThat(count("allocated")).isEqualTo(allocated + 1);
		assertThat(count("existing")).isEqualTo(existing + 1);
		assertThat(this.meters.get("rivalry.allocations.latency").tag("outcome", "allocated").timer().count())
			.isGreaterThanOrEqualTo(1);
	}

	private double count(String outcome) {
		var counter = this.meters.find("rivalry.allocations").tag("outcome", outcome).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private Map<String, Object> allocation(String matchToken) {
		return servers().allocation(matchToken);
	}

	private AllocationClaims verifiedAllocation(String token, String serverId) {
		return ((Verified<AllocationClaims>) this.verifier.verify(token, TokenKind.ALLOCATION, serverId).block()).claims();
	}

}
