package dev.rivalry.standalone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.rivalry.client.Allocation;
import dev.rivalry.client.AllocationGrant;
import dev.rivalry.client.GameServer;
import dev.rivalry.client.Ratings;
import dev.rivalry.client.Ticket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Twenty players, alone and in parties, across both default profiles (ten duelists; a
 * squad of parties of 3, 2, 2, 1, 1, 1), through the whole loop: matched, allocated to
 * reference game servers that verify their allocation tokens, start and report, and rated.
 * Then the same with the matchmaker restarted in the middle: players reconnect their event
 * streams and still reach their final state.
 */
class TwentyPlayersEndToEndTests {

	Services services;

	Players players;

	List<GameServer> servers = new ArrayList<>();

	@BeforeEach
	void start() {
		this.services = new Services("e2e-twenty-" + UUID.randomUUID()).start();
		this.players = new Players(this.services);
		for (int i = 0; i < 6; i++) {
			this.servers.add(this.services.startedGameServer("127.0.0.1:" + (7000 + i)));
		}
	}

	@AfterEach
	void stop() {
		for (GameServer server : this.servers) {
			server.deregister().onErrorComplete().block(Duration.ofSeconds(10));
			server.close();
		}
		this.services.close();
	}

	@Test
	void twentyPlayersAloneAndInPartiesAcrossBothProfilesPlayAndAreRated() {
		play(false);
	}

	@Test
	void aMatchmakerRestartedInTheMiddleLeavesNoPlayerBehind() {
		play(true);
	}

	private void play(boolean restartInTheMiddle) {
		String run = UUID.randomUUID().toString().substring(0, 6);
		List<List<String>> duelists = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			duelists.add(List.of("d" + i + "-" + run));
		}
		List<List<String>> squad = List.of(List.of("s0-" + run, "s1-" + run, "s2-" + run),
				List.of("s3-" + run, "s4-" + run), List.of("s5-" + run, "s6-" + run), List.of("s7-" + run),
				List.of("s8-" + run), List.of("s9-" + run));

		List<Ticket> tickets = new ArrayList<>();
		duelists.subList(0, 5).forEach((party) -> tickets.add(queue(party, "duel")));
		squad.subList(0, 3).forEach((party) -> tickets.add(queue(party, "squad")));
		Flux<Ticket> early = Flux.fromIterable(List.copyOf(tickets)).flatMap(this.players::finalState);
		List<Ticket> finals = new ArrayList<>();
		if (restartInTheMiddle) {
			// The first streams are open when the matchmaker goes away; they must reconnect.
			early = early.cache();
			early.subscribe();
			this.services.restartMatchmaker();
		}
		List<Ticket> late = new ArrayList<>();
		duelists.subList(5, 10).forEach((party) -> late.add(queue(party, "duel")));
		squad.subList(3, 6).forEach((party) -> late.add(queue(party, "squad")));
		finals.addAll(Flux.concat(early, Flux.fromIterable(late).flatMap(this.players::finalState))
			.collectList()
			.block(Duration.ofSeconds(120)));

		assertThat(finals).hasSize(16).allSatisfy((ticket) -> assertThat(ticket.state()).isEqualTo("MATCHED"));
		assertThat(finals.stream().map((ticket) -> ticket.match().id()).distinct()).hasSize(6);
		for (Ticket ticket : finals) {
			for (var player : ticket.players()) {
				// Every player reads its own match token, with its own player token.
				AllocationGrant allocation = this.players.allocate(ticket.id(), player.id()).block(Duration.ofSeconds(30));
				GameServer server = serverOf(allocation.matchId());
				assertThat(server.admit(allocation.token()).block(Duration.ofSeconds(30)).playerId())
					.isEqualTo(player.id());
			}
		}
		Flux.fromIterable(this.servers)
			.flatMap((server) -> server.reportResults(List.of(1, 2)))
			.then()
			.block(Duration.ofSeconds(60));

		for (Ticket ticket : finals) {
			for (var player : ticket.players()) {
				int team = ticket.match().participants().stream().filter((p) -> p.id().equals(player.id())).findFirst()
					.orElseThrow().team();
				Ratings.Rating rating = this.players.ratings(player.id())
					.block(Duration.ofSeconds(10))
					.ratings()
					.get(ticket.profile());
				double mu = rating.mu();
				assertThat(mu).as("%s on team %d", player.id(), team).isNotEqualTo(1500.0);
				assertThat(mu > 1500).as("%s won", player.id()).isEqualTo(team == 0);
				assertThat(rating.matches()).isOne();
			}
		}
	}

	private Ticket queue(List<String> party, String mode) {
		return this.players.queue(party, mode).block(Duration.ofSeconds(30));
	}

	/** The server the match was allocated to, once its allocation event has arrived. */
	private GameServer serverOf(String matchId) {
		return await().atMost(Duration.ofSeconds(30))

			.until(() -> this.servers.stream()
				.filter((server) -> server.currentAllocation().map(Allocation::matchId).filter(matchId::equals).isPresent())
				.findFirst()
				.orElse(null), (server) -> server != null);
	}


}
