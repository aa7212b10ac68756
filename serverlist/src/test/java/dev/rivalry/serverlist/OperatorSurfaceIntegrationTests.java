package dev.rivalry.serverlist;

import java.util.stream.Stream;

import dev.rivalry.serverlist.TestServers.Registered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * What the serverlist answers on each port (docs/operations.md, "Ports: what is public on
 * each"): every server's address and match, and the actuator, on the management port; on
 * the public port, what game servers and players call and nothing an operator reads.
 */
class OperatorSurfaceIntegrationTests extends ServerlistIntegrationTest {

	/**
	 * The operator's reads, and what the public port says to them: nothing at the actuator's
	 * paths; at the servers' paths, only that GET is not a method there (they take a
	 * registration or a deregistration), with no server in the body.
	 */
	static Stream<Arguments> operatorReads() {
		return Stream.of(arguments("/v1/servers", 405), arguments("/v1/servers?state=READY", 405),
				arguments("/v1/servers/{id}", 405), arguments("/actuator/health", 404),
				arguments("/actuator/health/readiness", 404), arguments("/actuator/prometheus", 404),
				arguments("/actuator/metrics", 404));
	}

	@ParameterizedTest(name = "{0}: 200 on the management port, {1} on the public port")
	@MethodSource("operatorReads")
	void operatorReadsAnswerOnTheManagementPortOnly(String path, int onPublicPort) {
		Registered server = servers().register(TestServers.game(), "eu");
		management().get().uri(path, server.id()).exchange().expectStatus().isOk();
		client().get()
			.uri(path, server.id())
			.exchange()
			.expectStatus()
			.isEqualTo(onPublicPort)
			.expectBody(String.class)
			.value((body) -> assertThat(String.valueOf(body)).doesNotContain("\"address\"").doesNotContain("10.0.0.1"));
	}

	@Test
	void theListingShowsEachServersAddressStateAndMatch() {
		String game = TestServers.game();
		Registered server = servers().register(game, "eu");
		management().get()
			.uri("/v1/servers?game={game}", game)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.servers[0].id").isEqualTo(server.id())
			.jsonPath("$.servers[0].address").exists()
			.jsonPath("$.servers[0].state").isEqualTo("READY");
	}

	@Test
	void theManagementPortsRefusalsAreProblemsToo() {
		management().get()
			.uri("/v1/servers?state=SLEEPING")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://rivalry.dev/problems/malformed-request");
		management().get()
			.uri("/v1/servers/no-such-server")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://rivalry.dev/problems/server-not-found");
	}

	@Test
	void whatGameServersCallIsNotOnTheManagementPort() {
		Registered server = servers().register(TestServers.game(), "eu");
		management().put()
			.uri("/v1/servers/{id}/heartbeat", server.id())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + server.token())
			.exchange()
			.expectStatus()
			.isNotFound();
		management().post()
			.uri("/v1/allocations")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

}
