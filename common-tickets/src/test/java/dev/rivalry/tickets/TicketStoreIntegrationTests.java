package dev.rivalry.tickets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.rivalry.testsupport.redis.RedisConnections;
import dev.rivalry.tokens.Participant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's scripts against a real Redis.
 */
class TicketStoreIntegrationTests {

	@RegisterExtension
	static final RedisConnections redis = RedisConnections.scoped("store:");

	static TicketStore store;

	@BeforeAll
	static void createStore() {
		store = new TicketStore(redis.template(), new TicketKeys(redis.keyPrefix()),
				new TicketCodec(JsonMapper.builder().build()), Clock.systemUTC(), Duration.ofMinutes(1), Duration.ofMinutes(5));
	}

	@Test
	void aCreatedTicketReadsBackSearchingAtVersionOne() {
		Ticket ticket = ticket("eu");
		assertThat(store.create(ticket).block()).isTrue();
		TicketSnapshot snapshot = store.find(ticket.id()).block();
		assertThat(snapshot.ticket()).isEqualTo(ticket);
		assertThat(snapshot.state()).isEqualTo(TicketState.SEARCHING);
		assertThat(snapshot.version()).isOne();
		assertThat(snapshot.match()).isNull();
	}

	@Test
	void creatingTheSameIdTwiceKeepsTheFirst() {
		Ticket ticket = ticket("eu");
		assertThat(store.create(ticket).block()).isTrue();
		assertThat(store.create(ticket).block()).isFalse();
	}

	@Test
	void unknownAndMalformedIdsAreEmpty() {
		assertThat(store.find(TicketIds.newId("duel", "eu")).block()).isNull();
		assertThat(store.find("../etc/passwd").block()).isNull();
		assertThat(store.cancel("nope").block()).isInstanceOf(TransitionResult.Missing.class);
	}

	@Test
	void cancelAppliesOnceThenIsRefused() {
		Ticket ticket = created("eu");
		TransitionResult first = store.cancel(ticket.id()).block();
		assertThat(first).isInstanceOfSatisfying(TransitionResult.Applied.class, (applied) -> {
			assertThat(applied.snapshot().state()).isEqualTo(TicketState.CANCELLED);
			assertThat(applied.snapshot().version()).isEqualTo(2);
		});
		assertThat(store.cancel(ticket.id()).block()).isInstanceOf(TransitionResult.Refused.class);
		assertThat(store.expire(ticket.id()).block()).isInstanceOf(TransitionResult.Refused.class);
	}

	@Test
	void aMatchMovesEveryTicketOrNone() {
		Ticket a = created("eu");
		Ticket b = created("eu");
		Ticket c = created("eu");
		store.cancel(c.id()).block();
		MatchOutcome refused = store.match(match(a, c), List.of(a.id(), c.id())).block();
		assertThat(refused).isEqualTo(new MatchOutcome.Refused(List.of(c.id())));
		assertThat(store.findMatch(match(a, c).id()).block()).isNull();
		assertThat(store.find(a.id()).block().state()).isEqualTo(TicketState.SEARCHING);
		Match formed = match(a, b);
		assertThat(store.match(formed, List.of(a.id(), b.id())).block()).isEqualTo(new MatchOutcome.Formed(formed));
		TicketSnapshot matched = store.find(b.id()).block();
		assertThat(matched.state()).isEqualTo(TicketState.MATCHED);
		assertThat(matched.match()).isEqualTo(formed);
		assertThat(store.findMatch(formed.id()).block()).isEqualTo(formed);
		assertThat(store.match(match(a, b), List.of(a.id(), b.id())).block())
			.isEqualTo(new MatchOutcome.Refused(List.of(a.id(), b.id())));
	}

	@Test
	void aMatchedTicketCanNeitherBeCancelledNorExpired() {
		Ticket a = created("us");
		Ticket b = created("us");
		store.match(match(a, b), List.of(a.id(), b.id())).block();
		assertThat(store.cancel(a.id()).block()).isInstanceOfSatisfying(TransitionResult.Refused.class,
				(refused) -> assertThat(refused.current().state()).isEqualTo(TicketState.MATCHED));
		assertThat(store.expire(b.id()).block()).isInstanceOf(TransitionResult.Refused.class);
	}

	@Test
	void ticketsPastTheirExpiryAreDue() {
		Instant now = Instant.now();
		Ticket due = new Ticket(TicketIds.newId("duel", "eu"), "duel", "eu", List.of(new Ticket.Player("p")), Map.of(),
				Map.of(), now.minusSeconds(10), now.minusSeconds(1));
		store.create(due).block();
		assertThat(store.dueForExpiry(10_000).collectList().block()).contains(due.id());
		assertThat(store.expire(due.id()).block()).isInstanceOf(TransitionResult.Applied.class);
		store.forgetExpiry(due.id()).block();
		assertThat(store.dueForExpiry(10_000).collectList().block()).doesNotContain(due.id());
	}

	@Test
	void deletingAnUnacknowledgedTicketRemovesItAndItsExpiry() {
		Ticket ticket = created("eu");
		store.delete(ticket).block();
		assertThat(store.find(ticket.id()).block()).isNull();
	}

	private static Ticket created(String pool) {
		Ticket ticket = ticket(pool);
		store.create(ticket).block();
		return ticket;
	}

	private static Ticket ticket(String pool) {
		Instant now = Instant.now();
		return new Ticket(TicketIds.newId("duel", pool), "duel", pool,
				List.of(new Ticket.Player("p-" + UUID.randomUUID())), Map.of("mode", "duel", "skill", 1500),
				Map.of("eu", 20), now, now.plus(Duration.ofMinutes(5)));
	}

	private static Match match(Ticket... tickets) {
		List<Participant> participants = new java.util.ArrayList<>();
		for (int team = 0; team < tickets.length; team++) {
			participants.add(new Participant(tickets[team].players().get(0).id(), team));
		}
		return new Match(TicketIds.newId("duel", tickets[0].pool()), "duel", participants, Map.of("map", "arena"), null, null,
				Instant.now());
	}

}
