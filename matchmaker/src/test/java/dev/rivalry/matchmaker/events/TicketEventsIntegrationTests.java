package dev.rivalry.matchmaker.events;

import dev.rivalry.matchmaker.MatchmakerIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.rivalry.matchmaker.TicketFixtures;
import dev.rivalry.matchmaker.ticket.TicketView;
import dev.rivalry.redis.ChannelRouter;
import dev.rivalry.testsupport.sse.EventStream;
import dev.rivalry.tickets.TicketCodec;
import dev.rivalry.tickets.TicketKeys;
import dev.rivalry.tickets.TicketSnapshot;
import dev.rivalry.tickets.TicketState;
import dev.rivalry.tickets.TicketStore;
import dev.rivalry.testsupport.TestIdentity;
import dev.rivalry.testsupport.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.rivalry.matchmaker.TicketFixtures.TICKET_EVENTS;
import static dev.rivalry.matchmaker.TicketFixtures.eventsOf;
import static dev.rivalry.matchmaker.TicketFixtures.player;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MatchmakerIntegrationTest
class TicketEventsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TicketStore store;

	@Autowired
	TicketKeys keys;

	@Autowired
	TicketCodec codec;

	@Autowired
	ReactiveRedisMessageListenerContainer channels;

	@Autowired
	StreamGauge streams;

	@Autowired
	ChannelRouter<TicketSnapshot> updates;

	WebTestClient client;

	@BeforeEach
	void connect() {
		this.client = TicketFixtures.client(this.port);
	}

	@Test
	void theFirstEventIsTheCurrentStateThenEachChangeThenTheStreamCompletes() {
		TicketView a = TicketFixtures.createDuel(this.client, player("ann"));
		TicketView b = TicketFixtures.createDuel(this.client, player("ben"));
		StepVerifier.create(events(a.id()).filter((event) -> event.data() != null))
			.assertNext((event) -> {
				assertThat(event.event()).isEqualTo("ticket");
				assertThat(event.data().state()).isEqualTo(TicketState.SEARCHING);
			})
			.then(() -> TicketFixtures.match(this.store, "duel", a, b))
			.assertNext((event) -> {
				assertThat(event.data().state()).isEqualTo(TicketState.MATCHED);
				String ann = a.players().get(0).id();
				assertThat(event.data().match().tokens()).containsOnlyKeys(ann);
				assertThat(event.data().match().participants()).hasSize(2);
			})
			.expectComplete()
			.verify(Duration.ofSeconds(20));
	}

	/**
	 * A change whose message is lost (written without a publish, as a change published while
	 * the subscription was down would be) reaches the open stream once the pub/sub
	 * connection is forced to reconnect: the stream reads its ticket again.
	 */
	@Test
	void aChangeMissedWhileThePubSubConnectionWasDownReachesTheStreamAfterItReconnects() {
		TicketView ticket = TicketFixtures.createDuel(this.client, player("gap"));
		StepVerifier.create(states(ticket.id()))
			.expectNext(TicketState.SEARCHING)
			.then(() -> cancelSilently(ticket.id()))
			.expectNoEvent(Duration.ofMillis(500))
			.then(() -> TestRedis.get().killPubSubConnections())
			.expectNext(TicketState.CANCELLED)
			.expectComplete()
			.verify(Duration.ofSeconds(20));
	}

	@Test
	void aClientReconnectingWithTheLastEventIdGetsOnlyWhatIsNewer() {
		TicketView ticket = TicketFixtures.createDuel(this.client, player("resume"));
		List<ServerSentEvent<TicketView>> first = events(ticket.id(), null).filter((event) -> event.data() != null)
			.take(1)
			.collectList()
			.block(Duration.ofSeconds(10));
		String lastEventId = first.get(0).id();
		StepVerifier.create(events(ticket.id(), lastEventId).filter((event) -> event.data() != null))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(500))
			.then(() -> cancelThroughStore(this.store, ticket.id()).block())
			.assertNext((event) -> {
				assertThat(event.data().state()).isEqualTo(TicketState.CANCELLED);
				assertThat(Long.parseLong(event.id())).isGreaterThan(Long.parseLong(lastEventId));
			})
			.expectComplete()
			.verify(Duration.ofSeconds(20));
	}

	@Test
	void aClientThatAlreadySawTheTerminalStateGetsAnEmptyStreamNotANotFound() {
		TicketView ticket = TicketFixtures.createDuel(this.client, player("seen"));
		cancelThroughStore(this.store, ticket.id()).block();
		String terminal = events(ticket.id(), null).blockLast(Duration.ofSeconds(10)).id();
		StepVerifier.create(events(ticket.id(), terminal).filter((event) -> event.data() != null))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void aLastEventIdThatIsNotAVersionIsABadRequestProblem() {
		TicketView ticket = TicketFixtures.createDuel(this.client, player("odd"));
		EventStream.request(eventsOf(this.client, ticket.id()).header("Last-Event-ID", "yesterday"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://rivalry.dev/problems/invalid-request")
			.jsonPath("$.errors[0].field").isEqualTo("Last-Event-ID");
		cancelThroughStore(this.store, ticket.id()).block();
	}

	@Test
	void aTerminalTicketGivesOneEventAndCompletes() {
		TicketView ticket = TicketFixtures.createDuel(this.client, player("cal"));
		this.client.delete().uri("/v1/tickets/{id}", ticket.id()).exchange().expectStatus().isNoContent();
		StepVerifier.create(events(ticket.id()))
			.assertNext((event) -> assertThat(event.data().state()).isEqualTo(TicketState.CANCELLED))
			.expectComplete()
			.verify(Duration.ofSeconds(20));
	}

	@Test
	void anIdleStreamSendsHeartbeatComments() {
		TicketView ticket = TicketFixtures.createDuel(this.client, player("dee"));
		StepVerifier.create(events(ticket.id()))
			.assertNext((event) -> assertThat(event.data().state()).isEqualTo(TicketState.SEARCHING))
			.assertNext((event) -> assertThat(event.comment()).isEqualTo("heartbeat"))
			.thenCancel()
			.verify(Duration.ofSeconds(20));
	}

	@Test
	void anExpiredTicketReachesExpiredOnItsStream() {
		TicketView ticket = TicketFixtures.create(this.client, Map.of("players", List.of(Map.of("id", player("eve"))),
				"attributes", Map.of("mode", "blitz", "region", "eu")));
		// The ticket lives one second: on a busy machine it may already have expired when the
		// stream opens, and then the stream's first (and last) event says so.
		List<TicketState> seen = states(ticket.id()).collectList().block(Duration.ofSeconds(20));
		assertThat(seen).isNotEmpty().last().isEqualTo(TicketState.EXPIRED);
		assertThat(seen).containsAnyOf(TicketState.EXPIRED).doesNotHaveDuplicates()
			.isSubsetOf(TicketState.SEARCHING, TicketState.EXPIRED);
	}

	@Test
	void severalTicketsShareOneStreamWhichCompletesOnceEveryTicketHasEnded() {
		TicketView a = TicketFixtures.createDuel(this.client, player("amy"));
		TicketView b = TicketFixtures.createDuel(this.client, player("bob"));
		Flux<ServerSentEvent<TicketView>> events = TICKET_EVENTS.open(ticketsEvents(this.client, a.id(), b.id()))
			.filter((event) -> event.data() != null);
		StepVerifier.create(events.map((event) -> event.id() + " " + event.data().state()))
			.expectNextCount(2)
			.then(() -> TicketFixtures.match(this.store, "duel", a, b))
			.recordWith(java.util.ArrayList::new)
			.expectNextCount(2)
			.consumeRecordedWith((matched) -> assertThat(matched).containsExactlyInAnyOrder(
					a.id() + "/2 MATCHED", b.id() + "/2 MATCHED"))
			.expectComplete()
			.verify(Duration.ofSeconds(20));
	}

	@Test
	void aPlayerMayFollowOnlyItsOwnTicketsOnOneStreamAndIsToldNothingAboutAStrangers() {
		String ann = player("ann");
		TicketView own = TicketFixtures.createDuel(this.client, ann);
		TicketView stranger = TicketFixtures.createDuel(this.client, player("eve"));
		WebTestClient asAnn = TicketFixtures.clientAs(this.port, TestIdentity.get().player(ann));
		EventStream.request(ticketsEvents(asAnn, own.id(), stranger.id())).expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://rivalry.dev/problems/ticket-not-found");
		EventStream.request(ticketsEvents(asAnn)).expectStatus().isBadRequest();
		cancelThroughStore(this.store, own.id()).block(Duration.ofSeconds(5));
		StepVerifier.create(TICKET_EVENTS.data(ticketsEvents(asAnn, own.id())).map(TicketView::state))
			.expectNext(TicketState.CANCELLED)
			.expectComplete()
			.verify(Duration.ofSeconds(20));
	}

	@Test
	void anUnknownTicketIsANotFoundProblemNotAStream() {
		EventStream.request(eventsOf(this.client, "00000000-0000000000000000000000000c"))
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://rivalry.dev/problems/ticket-not-found");
	}

	/**
	 * The state changes right after the watcher is registered and before the state is
	 * read, hundreds of times: every follower still ends on the terminal state, once.
	 */
	@Test
	void aChangeBetweenWatchingAndReadingIsNeverMissed() {
		ChannelRouter<TicketSnapshot> racing = new ChannelRouter<>(this.channels, this.keys.channelPrefix(),
				this.codec::decodeSnapshot) {
			@Override
			public Watcher<TicketSnapshot> watch(String ticketId) {
				Watcher<TicketSnapshot> watcher = super.watch(ticketId);
				cancelThroughStore(TicketEventsIntegrationTests.this.store, ticketId).block();
				return watcher;
			}
		};
		racing.afterPropertiesSet();
		try {
			TicketEvents events = new TicketEvents(racing, this.store);
			for (int i = 0; i < 300; i++) {
				TicketView ticket = TicketFixtures.createDuel(this.client, player("race"));
				List<TicketState> seen = events.follow(ticket.id())
					.map(TicketSnapshot::state)
					.collectList()
					.block(Duration.ofSeconds(10));
				assertThat(seen).as("ticket %d", i).containsExactly(TicketState.CANCELLED);
			}
		}
		finally {
			racing.destroy();
		}
	}

	/** Without the watcher, the same race loses the change: the test above is not vacuous. */
	@Test
	void readingBeforeWatchingWouldMissTheChange() {
		TicketView ticket = TicketFixtures.createDuel(this.client, player("late"));
		TicketSnapshot read = this.store.find(ticket.id()).block();
		cancelThroughStore(this.store, ticket.id()).block();
		try (ChannelRouter.Watcher<TicketSnapshot> watcher = this.updates.watch(ticket.id())) {
			StepVerifier.create(watcher.messages()).expectSubscription().expectNoEvent(Duration.ofMillis(300)).thenCancel()
				.verify();
		}
		assertThat(read.state()).isEqualTo(TicketState.SEARCHING);
	}

	/**
	 * Clients connect while the state changes at random moments around their connection:
	 * every stream ends on the terminal state, with no state twice.
	 */
	@Test
	void followersConnectingWhileTheStateChangesAllSeeTheFinalState() {
		List<TicketView> tickets = Flux.range(0, 200)
			.map((i) -> TicketFixtures.createDuel(this.client, player("crowd")))
			.collectList()
			.block();
		List<List<TicketState>> seen = Flux.fromIterable(tickets)
			.flatMap((ticket) -> Mono.zip(states(ticket.id()).collectList(),
					Mono.delay(Duration.ofMillis(ThreadLocalRandom.current().nextInt(5)))
						.then(cancelThroughStore(this.store, ticket.id()))
						.thenReturn(true))
				.map(Tuple2::getT1), 64)
			.collectList()
			.block(Duration.ofSeconds(60));
		assertThat(seen).hasSize(200).allSatisfy((states) -> {
			assertThat(states).last().isEqualTo(TicketState.CANCELLED);
			assertThat(states).doesNotHaveDuplicates();
		});
	}

	@Test
	void aThousandClientsThatConnectAndLeaveLeaveNoSubscriptionBehind() {
		List<TicketView> tickets = Flux.range(0, 10)
			.map((i) -> TicketFixtures.createDuel(this.client, player("fin")))
			.collectList()
			.block();
		Flux.range(0, 1000)
			.flatMap((i) -> events(tickets.get(i % 10).id()).take(1), 32)
			.then()
			.block(Duration.ofSeconds(120));
		try (RedisClient redis = RedisClient.create(TestRedis.get().url());
				StatefulRedisConnection<String, String> connection = redis.connect()) {
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				assertThat(connection.sync().pubsubChannels(this.keys.channelPrefix() + "*")).isEmpty();
				assertThat(this.updates.watched()).isZero();
				assertThat(this.streams.active()).isZero();
			});
		}
	}

	private Flux<ServerSentEvent<TicketView>> events(String ticketId) {
		return events(ticketId, null);
	}

	private Flux<ServerSentEvent<TicketView>> events(String ticketId, String lastEventId) {
		return TICKET_EVENTS.open(eventsOf(this.client, ticketId).headers((headers) -> {
			if (lastEventId != null) {
				headers.set("Last-Event-ID", lastEventId);
			}
		}));
	}

	/** {@code GET /v1/tickets/events?ticket=…} for these tickets (none: no parameter). */
	private static WebTestClient.RequestHeadersSpec<?> ticketsEvents(WebTestClient client, String... ticketIds) {
		StringBuilder query = new StringBuilder();
		for (String ticketId : ticketIds) {
			query.append(query.isEmpty() ? "?" : "&").append("ticket=").append(ticketId);
		}
		return client.get().uri("/v1/tickets/events" + query);
	}

	private Flux<TicketState> states(String ticketId) {
		return events(ticketId).filter((event) -> event.data() != null).map((event) -> event.data().state());
	}

	/** Moves the ticket to {@code CANCELLED} in Redis without publishing the change: a lost message. */
	private void cancelSilently(String ticketId) {
		TicketSnapshot current = this.store.find(ticketId).block();
		try (RedisClient redis = RedisClient.create(TestRedis.get().url());
				StatefulRedisConnection<String, String> connection = redis.connect()) {
			connection.sync().hset(this.keys.ticket(ticketId), Map.of("state", TicketState.CANCELLED.name(), "version",
					Long.toString(current.version() + 1)));
		}
	}

	/** Cancels through the store: the same atomic transition-and-publish the engine uses. */
	private static Mono<Void> cancelThroughStore(TicketStore store, String ticketId) {
		return store.cancel(ticketId).then();
	}

}
