package dev.rivalry.serverlist.allocation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.rivalry.serverlist.FakeMatchmaker;
import dev.rivalry.serverlist.ServerlistIntegrationTest;
import dev.rivalry.serverlist.TestMatch;
import dev.rivalry.serverlist.TestServers;
import dev.rivalry.serverlist.TestServers.Registered;
import dev.rivalry.tickets.Match;
import dev.rivalry.tickets.TicketIds;
import dev.rivalry.tickets.TicketStore;
import dev.rivalry.tickets.backfill.Backfill;
import dev.rivalry.tickets.backfill.BackfillState;
import dev.rivalry.tickets.backfill.BackfillStore;
import dev.rivalry.tokens.Participant;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A player who joined a running match through a backfill presents a match token marked
 * {@code backfill}: it goes to the server that holds the match (never to a new one), and
 * that server hears of the newcomer on its stream. A server ready again, or gone, ends its
 * match's open backfill.
 */
class BackfillAllocationIntegrationTests extends ServerlistIntegrationTest {

	@Autowired
	TicketStore tickets;

	@Autowired
	BackfillStore backfills;

	@Test
	void aBackfilledPlayerGoesToTheServerHoldingTheMatchWhichHearsOfThem() {
		String game = TestServers.game();
		Registered server = servers().register(game, "eu");
		TestMatch match = TestMatch.of(game, "eu");
		Map<String, Object> first = servers().allocation(match.token(0));
		servers().started(server, match.matchId()).expectStatus().isOk();
		Participant late = new Participant("late-" + match.matchId().substring(2, 10), 1);
		List<Participant> roster = new ArrayList<>(match.participants());
		roster.add(late);
		String token = FakeMatchmaker.get().backfillToken(late.id(), match.matchId(), roster, match.config(), game);

		Flux<ServerSentEvent<Map<String, Object>>> events = servers().events(server)
			.filter((event) -> "backfill".equals(event.event()));
		StepVerifier.create(events)
			.then(() -> {
				Map<String, Object> joined = servers().allocation(token);
				assertThat(joined.get("conn")).isEqualTo(first.get("conn"));
				assertThat(joined.get("matchId")).isEqualTo(match.matchId());
			})
			.assertNext((event) -> {
				assertThat(event.data()).containsEntry("matchId", match.matchId());
				assertThat(event.data().get("added")).isEqualTo(List.of(Map.of("id", late.id(), "team", 1)));
				assertThat((List<?>) event.data().get("participants")).hasSize(3);
			})
			.thenCancel()
			.verify(Duration.ofSeconds(10));
		// asking again changes nothing: the same server, no second newcomer
		assertThat(servers().allocation(token).get("conn")).isEqualTo(first.get("conn"));
		assertThat(servers().state(server.id())).isEqualTo("PLAYING");
	}

	@Test
	void aBackfillTokenOfAMatchThatHoldsNoServerIsRefusedAndAllocatesNothing() {
		String game = TestServers.game();
		Registered idle = servers().register(game, "eu");
		TestMatch match = TestMatch.of(game, "eu");
		String token = FakeMatchmaker.get()
			.backfillToken(match.player(0), match.matchId(), match.participants(), match.config(), game);
		servers().allocate(token).expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").isEqualTo("https://rivalry.dev/problems/match-ended");
		assertThat(servers().state(idle.id())).isEqualTo("READY");
	}

	@Test
	void aServerReadyAgainEndsItsMatchsOpenBackfillAndLateJoinersAreRefused() {
		StartedWithBackfill started = startedWithBackfill();
		servers().ready(started.server()).expectStatus().isNoContent();
		started.assertEndedAndLateJoinersRefused(this.backfills, servers());
	}

	@Test
	void aServerThatDeregistersEndsItsMatchsOpenBackfillAndLateJoinersAreRefused() {
		StartedWithBackfill started = startedWithBackfill();
		servers().deregister(started.server()).expectStatus().isNoContent();
		started.assertEndedAndLateJoinersRefused(this.backfills, servers());
	}

	/** A duel started on a new server, whose match asks for one player on team 2. */
	private StartedWithBackfill startedWithBackfill() {
		String game = TestServers.game();
		Registered server = servers().register(game, "eu");
		String matchId = TicketIds.newId("duel", "eu");
		TestMatch match = new TestMatch(matchId, List.of(new Participant("a-" + matchId, 0), new Participant("b-" + matchId, 1)),
				Map.of("mode", "duel", "region", "eu"), game);
		this.tickets.match(new Match(matchId, "duel", match.participants(), match.config(), game, "eu", Instant.now(), "eu",
				1500.0, false), List.of()).block();
		Backfill backfill = new Backfill(BackfillStore.newId(matchId), matchId, "duel", "eu", server.id(),
				List.of(new Backfill.Slot(2, 1)), 1500.0, "eu", Instant.now(), Instant.now().plusSeconds(60));
		this.backfills.open(backfill).block();
		servers().allocation(match.token(0));
		servers().started(server, matchId).expectStatus().isOk();
		return new StartedWithBackfill(server, match, backfill, game);
	}

	/** A started match's server, the match and its open backfill. */
	private record StartedWithBackfill(Registered server, TestMatch match, Backfill backfill, String game) {

		/** No player joins a match its server left: a late backfill token is refused. */
		void assertEndedAndLateJoinersRefused(BackfillStore backfills, TestServers servers) {
			assertThat(backfills.find(this.backfill.id()).block().state()).isEqualTo(BackfillState.ENDED);
			String matchId = this.match.matchId();
			List<Participant> roster = new ArrayList<>(this.match.participants());
			roster.add(new Participant("late-" + matchId, 1));
			String late = FakeMatchmaker.get().backfillToken("late-" + matchId, matchId, roster, this.match.config(),
					this.game);
			servers.allocate(late).expectStatus().isEqualTo(409);
		}

	}

}
