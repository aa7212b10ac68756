package dev.rivalry.standalone;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.rivalry.client.AllocationGrant;
import dev.rivalry.client.GameServer;
import dev.rivalry.client.RivalryClient;
import dev.rivalry.standalone.example.ClientExample;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The whole loop ({@link FullLoop}) on the test Redis; and docs/client.md's example
 * ({@link ClientExample}) run as written, in {@code us} so that the loop's server in
 * {@code eu} takes none of its matches.
 */
class FullLoopEndToEndTests extends FullLoop {

	@Override
	Services newServices() {
		return new Services("e2e-full-loop");
	}

	@Test
	void theClientExampleOfTheDocsPlaysADuelThroughTheWholeStack() {
		RivalryClient rivalry = this.services.client();
		GameServer server = ClientExample.startGameServer(rivalry, Services.FLEET_KEY);
		try {
			String ann = "ann-" + UUID.randomUUID();
			String bob = "bob-" + UUID.randomUUID();
			List<AllocationGrant> grants = Flux
				.merge(ClientExample.findAMatch(rivalry, ann, this.players.token(List.of(ann))),
						ClientExample.findAMatch(rivalry, bob, this.players.token(List.of(bob))))
				.collectList()
				.block(Duration.ofSeconds(60));
			assertThat(grants).hasSize(2).allSatisfy((grant) -> assertThat(grant.conn()).isEqualTo("203.0.113.7:7777"));

			List<String> inside = Flux.fromIterable(grants)
				.concatMap((grant) -> ClientExample.onPlayerConnected(server, grant.token()))
				.collectList()
				.block(Duration.ofSeconds(30));
			assertThat(inside).containsExactlyInAnyOrder(ann, bob);

			ClientExample.onMatchOver(server, List.of(1, 2)).block(Duration.ofSeconds(30));
			assertThat(server.currentAllocation()).as("ready again: no current match").isEmpty();
			double annMu = this.players.ratings(ann).block(Duration.ofSeconds(10)).ratings().get("duel").mu();
			double bobMu = this.players.ratings(bob).block(Duration.ofSeconds(10)).ratings().get("duel").mu();
			assertThat(annMu + bobMu).isCloseTo(2 * INITIAL_MU, within(1.0));
			assertThat(annMu).isNotEqualTo(INITIAL_MU);
		}
		finally {
			server.deregister().onErrorComplete().block(Duration.ofSeconds(10));
			server.close();
		}
	}

}
