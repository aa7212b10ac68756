package dev.rivalry.matchmaker.result;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.rivalry.tickets.Match;
import dev.rivalry.tokens.Participant;
import dev.rivalry.tokens.RemoteJwks;
import dev.rivalry.tokens.TokenVerifier;
import dev.rivalry.web.ProblemException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the service does before it touches Redis: reading the bearer token and mapping the
 * verifier's answers.
 */
class ResultServiceTests {

	static final String MATCH_ID = "00000000-0000000000000000000000000a";

	@Test
	void aReportWhoseKeysCannotBeFetchedIsUnavailableWithRetryAfter() throws IOException {
		URI nowhere;
		try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			nowhere = URI.create("http://127.0.0.1:" + closed.getLocalPort() + "/.well-known/jwks.json");
		}
		TokenVerifier verifier = TokenVerifier.builder()
			.remoteKeys("serverlist", RemoteJwks.builder(nowhere).timeout(Duration.ofSeconds(2)).build())
			.build();
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ResultService service = new ResultService(new ReportTokens(verifier), null, null, null, null, null, new ResultMetrics(meters), null);
		Match match = new Match(MATCH_ID, "duel", List.of(new Participant("a", 0), new Participant("b", 1)), null, null,
				null, Instant.now());
		String token = FakeServerlist.start().reportToken(match);
		StepVerifier.create(service.report(MATCH_ID, "Bearer " + token, null))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(ResultProblems.KeysUnavailable.class);
				assertThat(((ResultProblems.KeysUnavailable) ex).getStatusCode().value()).isEqualTo(503);
				assertThat(((ResultProblems.KeysUnavailable) ex).retry()).isEqualTo(ProblemException.Retry.UNAVAILABLE);
			})
			.verify(Duration.ofSeconds(10));
		assertThat(meters.get("rivalry.results.refused").tag("reason", "report-keys-unavailable").counter().count())
			.isOne();
	}

}
