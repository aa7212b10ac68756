package dev.rivalry.serverlist.allocation;

import java.util.Map;

import dev.rivalry.serverlist.ServerlistIntegrationTest;
import dev.rivalry.serverlist.TestMatch;
import dev.rivalry.serverlist.TestServers;
import dev.rivalry.serverlist.TestServers.Registered;
import dev.rivalry.serverlist.Tokens;
import dev.rivalry.tokens.ReportClaims;
import dev.rivalry.tokens.SigningKeys;
import dev.rivalry.tokens.autoconfigure.TokenProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start confirmation is where a server gets its report token: only the server holding
 * the match gets one, again if it asks again. (An allocation that expired yields none:
 * {@link AllocationExpiryIntegrationTests}.)
 */
class StartIntegrationTests extends ServerlistIntegrationTest {

	@Autowired
	SigningKeys serverlistKeys;

	@Autowired
	TokenProperties tokens;

	@Test
	void aConfirmedStartAnswersTheServersReportTokenForTheMatch() {
		Allocated allocated = allocatedMatch();
		Registered server = allocated.server();
		TestMatch match = allocated.match();
		String reportToken = startedReportToken(server, match);
		ReportClaims report = Tokens.verifiedReport(this.serverlistKeys, reportToken);
		assertThat(report.serverId()).isEqualTo(server.id());
		assertThat(report.matchId()).isEqualTo(match.matchId());
		assertThat(report.participants()).isEqualTo(match.participants());
		assertThat(report.config()).isEqualTo(match.config());
		assertThat(Tokens.header(reportToken).get("typ")).isEqualTo("rivalry-report+jwt");
		Map<?, ?> payload = Tokens.payload(reportToken);
		assertThat(payload.get("sub")).isEqualTo(server.id());
		assertThat(payload.get("match_id")).isEqualTo(match.matchId());
		assertThat(((Number) payload.get("exp")).longValue() - ((Number) payload.get("iat")).longValue())
			.as("rivalry.tokens.lifetimes.report")
			.isEqualTo(this.tokens.lifetimes().report().toSeconds());
		assertThat(servers().state(server.id())).isEqualTo("PLAYING");
	}

	@Test
	void theServerPlayingTheMatchGetsAReportTokenAgainWhenItAsksAgain() {
		Allocated allocated = allocatedMatch();
		Registered server = allocated.server();
		TestMatch match = allocated.match();
		startedReportToken(server, match);

		ReportClaims again = Tokens.verifiedReport(this.serverlistKeys, startedReportToken(server, match));
		assertThat(again.serverId()).isEqualTo(server.id());
		assertThat(again.matchId()).isEqualTo(match.matchId());
		assertThat(servers().state(server.id())).isEqualTo("PLAYING");
	}

	@Test
	void anotherServerCannotStartTheMatchNorGetItsReportToken() {
		Allocated allocated = allocatedMatch();
		Registered holder = allocated.server();
		TestMatch match = allocated.match();
		Registered other = servers().register(match.game(), "eu");

		servers().started(other, match.matchId())
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://rivalry.dev/problems/not-allocated-to-match")
			.jsonPath("$.serverId").isEqualTo(other.id())
			.jsonPath("$.matchId").isEqualTo(match.matchId())
			.jsonPath("$.reportToken").doesNotExist();
		client().post()
			.uri("/v1/servers/{id}/matches/{matchId}/started", holder.id(), match.matchId())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + other.token())
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://rivalry.dev/problems/credential-not-for-this-server")
			.jsonPath("$.reportToken").doesNotExist();
		assertThat(servers().state(holder.id())).isEqualTo("ALLOCATED");
		assertThat(servers().state(other.id())).isEqualTo("READY");
	}

	/** A server of a game of its own, allocated a match of that game. */
	private Allocated allocatedMatch() {
		String game = TestServers.game();
		Registered server = servers().register(game, "eu");
		TestMatch match = TestMatch.of(game, "eu");
		assertThat(servers().allocatedServer(match.token(0))).isEqualTo(server.id());
		return new Allocated(server, match);
	}

	@SuppressWarnings("unchecked")
	private String startedReportToken(Registered server, TestMatch match) {
		Map<String, Object> body = servers().started(server, match.matchId())
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).containsOnlyKeys("reportToken");
		return (String) body.get("reportToken");
	}

	private record Allocated(Registered server, TestMatch match) {
	}

}
