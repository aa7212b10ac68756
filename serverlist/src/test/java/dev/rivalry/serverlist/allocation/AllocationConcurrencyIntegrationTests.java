package dev.rivalry.serverlist.allocation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import dev.rivalry.serverlist.ServerlistIntegrationTest;
import dev.rivalry.serverlist.TestMatch;
import dev.rivalry.serverlist.TestServers;
import dev.rivalry.serverlist.TestServers.Registered;
import dev.rivalry.serverlist.Tokens;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Allocation under contention: callers of one match racing each other, and matches racing
 * for few servers. Requests are sent at once from a non-blocking client.
 */
class AllocationConcurrencyIntegrationTests extends ServerlistIntegrationTest {

	@Test
	void tenParticipantsCallingAtOnceAlwaysGetOneServerForTheirMatch() {
		String game = TestServers.game();
		Map<String, Registered> pool = new HashMap<>();
		for (int i = 0; i < 4; i++) {
			Registered server = servers().register(game, "eu");
			pool.put(server.id(), server);
		}
		for (int round = 0; round < 100; round++) {
			TestMatch match = TestMatch.of(game, "eu", Map.of(), 10);
			List<ResponseEntity<Map>> answers = Flux.range(0, 10)
				.map(match::token)
				.flatMap(this::allocate, 10)
				.collectList()
				.block(Duration.ofSeconds(30));
			Set<String> servers = new HashSet<>();
			for (ResponseEntity<Map> answer : answers) {
				assertThat(answer.getStatusCode().value()).as("round %d", round).isEqualTo(200);
				servers.add(Tokens.audience((String) answer.getBody().get("token")));
			}
			assertThat(servers).as("round %d", round).hasSize(1);
			Registered server = pool.get(servers.iterator().next());
			// Back to the pool for the next round: the server gives the allocation back.
			servers().ready(server).expectStatus().isNoContent();
		}
	}

	@Test
	void manyMatchesAtOnceNeverShareAServer() {
		String game = TestServers.game();
		Set<String> registered = new HashSet<>();
		for (int i = 0; i < 12; i++) {
			registered.add(servers().register(game, "eu").id());
		}
		List<TestMatch> matches = IntStream.range(0, 18).mapToObj((i) -> TestMatch.of(game, "eu")).toList();
		List<String> tokens = new ArrayList<>();
		for (TestMatch match : matches) {
			tokens.add(match.token(0));
			tokens.add(match.token(1));
		}
		Map<String, String> serverOfMatch = new HashMap<>();
		List<ResponseEntity<Map>> answers = Flux.fromIterable(tokens)
			.flatMap(this::allocate, tokens.size())
			.collectList()
			.block(Duration.ofSeconds(30));
		int refused = 0;
		for (ResponseEntity<Map> answer : answers) {
			if (answer.getStatusCode().value() == 503) {
				refused++;
				continue;
			}
			assertThat(answer.getStatusCode().value()).isEqualTo(200);
			String matchId = (String) answer.getBody().get("matchId");
			String server = Tokens.audience((String) answer.getBody().get("token"));
			String earlier = serverOfMatch.putIfAbsent(matchId, server);
			assertThat(earlier).as("both players of %s", matchId).isIn(null, server);
		}
		assertThat(new HashSet<>(serverOfMatch.values())).as("one server per match").hasSize(serverOfMatch.size());
		assertThat(registered).containsAll(serverOfMatch.values());
		assertThat(serverOfMatch).as("every server was used").hasSize(12);
		assertThat(refused).as("the players of the six matches left over").isEqualTo(12);
	}

	private WebClient client;

	private Mono<ResponseEntity<Map>> allocate(String matchToken) {
		if (this.client == null) {
			this.client = WebClient.create("http://localhost:" + this.port);
		}
		return this.client.post()
			.uri("/v1/allocations")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + matchToken)
			.exchangeToMono((response) -> response.toEntity(Map.class));
	}

}
