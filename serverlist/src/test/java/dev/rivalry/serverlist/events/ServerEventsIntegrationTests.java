package dev.rivalry.serverlist.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.rivalry.redis.ChannelRouter;
import dev.rivalry.serverlist.ServerlistIntegrationTest;
import dev.rivalry.serverlist.TestMatch;
import dev.rivalry.serverlist.TestServers;
import dev.rivalry.serverlist.TestServers.Registered;
import dev.rivalry.serverlist.Tokens;
import dev.rivalry.serverlist.server.ServerScripts;
import dev.rivalry.serverlist.system.ServerlistKeys;
import dev.rivalry.testsupport.TestRedis;
import dev.rivalry.tokens.ReportClaims;
import dev.rivalry.tokens.SigningKeys;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;

class ServerEventsIntegrationTests extends ServerlistIntegrationTest {

	@Autowired
	SigningKeys serverlistKeys;

	@Autowired
	ReactiveRedisMessageListenerContainer channels;

	@Autowired
	ServerlistKeys keys;

	@Autowired
	ServerScripts scripts;

	@Autowired
	JsonMapper json;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Test
	void anAllocationReachesItsServerWithParticipantsConfigAndDeadlineButNoReportToken() {
		String game = TestServers.game();
		Registered server = servers().register(game, "eu");
		TestMatch match = TestMatch.of(game, "eu", Map.of(), 2);
		StepVerifier.create(events(server))
			.assertNext((event) -> assertThat(event.comment()).isEqualTo("connected"))
			.then(() -> servers().allocatedServer(match.token(0)))
			.assertNext((event) -> {
				assertThat(event.event()).isEqualTo("allocation");
				Map<String, Object> data = event.data();
				assertThat(data).containsOnlyKeys("matchId", "participants", "config", "startBy");
				assertThat(data.get("matchId")).isEqualTo(match.matchId());
				assertThat(data.get("config")).isEqualTo(match.config());
				assertThat(data.get("participants")).isEqualTo(List.of(Map.of("id", match.player(0), "team", 0),
						Map.of("id", match.player(1), "team", 1)));
				assertThat(Instant.parse((String) data.get("startBy"))).isAfter(Instant.now().minusSeconds(5));
			})
			.thenCancel()
			.verify(Duration.ofSeconds(20));
	}

	/**
	 * Pub/sub drops what is published while the subscription is down: a server removed
	 * without its stream hearing of it (here, its hash deleted with no message at all) is
	 * found when the stream reads its server again after the subscription reconnects.
	 */
	@Test
	void aServerRemovedWhileThePubSubConnectionWasDownEndsItsStreamAfterItReconnects() {
		Registered server = servers().register(TestServers.game(), "eu");
		StepVerifier.create(events(server).filter((event) -> event.event() != null))
			.then(() -> this.redis.delete(this.keys.server(server.id())).block(Duration.ofSeconds(5)))
			.expectNoEvent(Duration.ofMillis(500))
			.then(() -> TestRedis.get().killPubSubConnections())
			.assertNext((event) -> assertThat(event.event()).isEqualTo("removed"))
			.expectComplete()
			.verify(Duration.ofSeconds(20));
	}

	@Test
	void aConfirmedStartIsAnnouncedWithTheServersReportToken() {
		String game = TestServers.game();
		Registered server = servers().register(game, "eu");
		TestMatch match = TestMatch.of(game, "eu");
		AtomicReference<String> reportToken = new AtomicReference<>();
		StepVerifier.create(events(server).filter((event) -> event.event() != null))
			.then(() -> servers().allocatedServer(match.token(0)))
			.assertNext((event) -> assertThat(event.event()).isEqualTo("allocation"))
			.then(() -> servers().started(server, match.matchId()).expectStatus().isOk())
			.assertNext((event) -> {
				assertThat(event.event()).isEqualTo("started");
				assertThat(event.data()).containsOnlyKeys("matchId", "reportToken")
					.containsEntry("matchId", match.matchId());
				reportToken.set((String) event.data().get("reportToken"));
			})
			.thenCancel()
			.verify(Duration.ofSeconds(20));
		ReportClaims report = Tokens.verifiedReport(this.serverlistKeys, reportToken.get());
		assertThat(report.serverId()).isEqualTo(server.id());
		assertThat(report.matchId()).isEqualTo(match.matchId());
		assertThat(report.participants()).isEqualTo(match.participants());
		assertThat(report.config()).isEqualTo(match.config());
	}

	@Test
	void aServerThatConnectsAfterItWasAllocatedStillGetsItsAllocation() {
		String game = TestServers.game();
		Registered server = servers().register(game, "eu");
		TestMatch match = TestMatch.of(game, "eu");
		servers().allocatedServer(match.token(0));
		StepVerifier.create(events(server).filter((event) -> event.event() != null))
			.assertNext((event) -> {
				assertThat(event.event()).isEqualTo("allocation");
				assertThat(event.data().get("matchId")).isEqualTo(match.matchId());
			})
			.thenCancel()
			.verify(Duration.ofSeconds(20));
	}

	@Test
	void anExpiredAllocationIsAnnouncedAndARemovalEndsTheStream() {
		String game = TestServers.game();
		Registered server = servers().register(game, "eu");
		TestMatch match = TestMatch.of(game, "eu");
		StepVerifier.create(events(server).filter((event) -> event.event() != null))
			.then(() -> servers().allocatedServer(match.token(0)))
			.assertNext((event) -> assertThat(event.event()).isEqualTo("allocation"))
			.assertNext((event) -> {
				assertThat(event.event()).isEqualTo("allocation-expired");
				assertThat(event.data()).isEqualTo(Map.of("matchId", match.matchId()));
			})
			.then(() -> deregister(server))
			.assertNext((event) -> {
				assertThat(event.event()).isEqualTo("removed");
				assertThat(event.data()).isEqualTo(Map.of("serverId", server.id()));
			})
			.expectComplete()
			.verify(Duration.ofSeconds(20));
	}

	@Test
	void anIdleStreamSendsHeartbeatComments() {
		Registered server = servers().register(TestServers.game(), "eu");
		StepVerifier.create(events(server))
			.assertNext((event) -> assertThat(event.comment()).isEqualTo("connected"))
			.assertNext((event) -> assertThat(event.comment()).isEqualTo("heartbeat"))
			.thenCancel()
			.verify(Duration.ofSeconds(20));
	}

	@Test
	void anUnknownServerIsANotFoundProblemNotAStream() {
		Registered server = servers().register(TestServers.game(), "eu");
		deregister(server);
		servers().requestEvents(server)
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://rivalry.dev/problems/server-not-found");
	}

	/**
	 * The server is allocated right after the watcher is registered and before the state is
	 * read, many times over: every stream gets the allocation exactly once. Each stream is
	 * ended by deregistering the server once it is live, so everything it was going to get
	 * has arrived.
	 */
	@Test
	void anAllocationBetweenWatchingAndReadingIsNeverMissedNorDoubled() throws Exception {
		String game = TestServers.game();
		List<String> pending = new ArrayList<>();
		ChannelRouter<ServerMessage> racing = new ChannelRouter<>(this.channels, this.keys.eventsPrefix(),
				(message) -> ServerMessage.parse(this.json, message)) {
			@Override
			public Watcher<ServerMessage> watch(String serverId) {
				Watcher<ServerMessage> watcher = super.watch(serverId);
				servers().allocatedServer(pending.remove(0));
				return watcher;
			}
		};
		racing.afterPropertiesSet();
		try {
			ServerEvents events = new ServerEvents(racing, this.scripts, this.json);
			for (int round = 0; round < 15; round++) {
				Registered server = servers().register(game, "r" + round);
				TestMatch match = TestMatch.of(game, "r" + round);
				pending.add(match.token(0));
				CountDownLatch live = new CountDownLatch(1);
				CompletableFuture<List<String>> allocations = events.follow(server.id())
					.doOnNext((message) -> live.countDown())
					.flatMap(ServerEventsIntegrationTests::allocatedMatches)
					.collectList()
					.toFuture();
				assertThat(live.await(10, TimeUnit.SECONDS)).isTrue();
				deregister(server);
				assertThat(allocations.get(10, TimeUnit.SECONDS)).as("round %d", round)
					.containsExactly(match.matchId());
			}
		}
		finally {
			racing.destroy();
		}
	}

	private void deregister(Registered server) {
		servers().deregister(server).expectStatus().isNoContent();
	}

	private static Flux<String> allocatedMatches(ServerMessage message) {
		if (message instanceof ServerMessage.Current current) {
			return (current.pending() != null) ? Flux.just(current.pending().match().matchId()) : Flux.empty();
		}
		if (message instanceof ServerMessage.Allocated allocated) {
			return Flux.just(allocated.match().matchId());
		}
		return Flux.empty();
	}

	private Flux<ServerSentEvent<Map<String, Object>>> events(Registered server) {
		return servers().events(server);
	}

}
