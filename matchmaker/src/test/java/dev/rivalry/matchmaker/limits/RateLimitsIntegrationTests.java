package dev.rivalry.matchmaker.limits;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.rivalry.matchmaker.MatchmakerIntegrationTest;
import dev.rivalry.matchmaker.TicketFixtures;
import dev.rivalry.matchmaker.ticket.TicketView;
import dev.rivalry.testsupport.TestIdentity;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.rivalry.matchmaker.TicketFixtures.openEvents;
import static dev.rivalry.matchmaker.TicketFixtures.player;
import static dev.rivalry.matchmaker.TicketFixtures.requestEvents;
import static dev.rivalry.testsupport.RateLimitedAssertions.assertRateLimited;
import static dev.rivalry.testsupport.tickets.TicketRequests.post;
import static dev.rivalry.testsupport.tickets.TicketRequests.solo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each limit of the ticket endpoints, small, against the real Redis: over it, a {@code 429
 * rate-limited} problem with {@code Retry-After} that names the limit. The test client is a
 * trusted proxy here, so each test calls from client addresses of its own
 * ({@code X-Forwarded-For}) and no two tests share a bucket.
 */
@MatchmakerIntegrationTest
@TestPropertySource(properties = { "rivalry.matchmaker.rate-limits.creates-per-player=2/1m",
		"rivalry.matchmaker.rate-limits.creates-per-address=3/1m", "rivalry.matchmaker.rate-limits.creates-per-backend=3/1m",
		"rivalry.matchmaker.rate-limits.reads-per-player=3/1m", "rivalry.matchmaker.rate-limits.reads-per-address=5/1m",
		"rivalry.matchmaker.rate-limits.reads-per-backend=4/1m",
		"rivalry.matchmaker.rate-limits.failed-tokens-per-address=2/1m",
		"rivalry.matchmaker.rate-limits.streams-per-ticket=3", "rivalry.matchmaker.rate-limits.stream-lease=2s",
		"rivalry.client-address.trusted-proxies=127.0.0.1,::1" })
class RateLimitsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Test
	void aPlayerCreatesAtMostItsLimitOfTickets() {
		String alice = player("alice");
		WebTestClient client = from(newAddress(), TestIdentity.get().player(alice));
		post(client, solo(alice, "duel")).expectStatus().isCreated();
		post(client, solo(alice, "blitz")).expectStatus().isCreated();
		double before = refused("creates-per-player");

		assertRateLimited(post(client, solo(alice, "squad")), "creates-per-player");
		assertThat(refused("creates-per-player")).isEqualTo(before + 1);
		// Wherever it calls from.
		assertRateLimited(post(from(newAddress(), TestIdentity.get().player(alice)), solo(alice, "squad")),
				"creates-per-player");
	}

	@Test
	void playersCallingFromOneAddressShareItsLimitOfCreates() {
		String address = newAddress();
		for (int i = 0; i < 3; i++) {
			String someone = player("p" + i);
			post(from(address, TestIdentity.get().player(someone)), solo(someone, "duel")).expectStatus().isCreated();
		}
		String fourth = player("p4");
		assertRateLimited(post(from(address, TestIdentity.get().player(fourth)), solo(fourth, "duel")),
				"creates-per-address");
		post(from(newAddress(), TestIdentity.get().player(fourth)), solo(fourth, "duel")).expectStatus().isCreated();
	}

	@Test
	void aGameBackEndCountsPerClientIdAndNotPerAddress() {
		String address = newAddress();
		String someone = player("p");
		post(from(address, TestIdentity.get().player(someone)), solo(someone, "duel")).expectStatus().isCreated();
		WebTestClient backend = from(address, TestIdentity.get().backend("backend-" + player("b")));
		// Three more creates from the address than its players may make: the back end is not a player.
		for (int i = 0; i < 3; i++) {
			post(backend, solo(player("q" + i), "duel")).expectStatus().isCreated();
		}
		assertRateLimited(post(backend, solo(player("q4"), "duel")), "creates-per-backend");
		assertRateLimited(readsUntilRefused(backend, 4), "reads-per-backend");
	}

	@Test
	void readingFollowingAndCancellingCountAsReadsOfThePlayer() {
		String bob = player("bob");
		WebTestClient client = from(newAddress(), TestIdentity.get().player(bob));
		client.get().uri("/v1/tickets/{id}", "no-such-ticket").exchange().expectStatus().isNotFound();
		client.get().uri("/v1/tickets/{id}/events", "no-such-ticket").accept(MediaType.TEXT_EVENT_STREAM).exchange()
			.expectStatus().isNotFound();
		client.delete().uri("/v1/tickets/{id}", "no-such-ticket").exchange().expectStatus().isNotFound();

		assertRateLimited(client.get().uri("/v1/tickets/{id}", "no-such-ticket").exchange(), "reads-per-player");
		// Creating has its own limit.
		post(client, solo(bob, "duel")).expectStatus().isCreated();
	}

	@Test
	void playersCallingFromOneAddressShareItsLimitOfReads() {
		String address = newAddress();
		for (int i = 0; i < 5; i++) {
			WebTestClient someone = from(address, TestIdentity.get().player(player("r" + (i % 2))));
			someone.get().uri("/v1/tickets/{id}", "no-such-ticket").exchange().expectStatus().isNotFound();
		}
		assertRateLimited(from(address, TestIdentity.get().player(player("r"))).get()
			.uri("/v1/tickets/{id}", "no-such-ticket")
			.exchange(), "reads-per-address");
	}

	@Test
	void anAddressThatPresentedTooManyBadTokensIsRefusedBeforeAnyTokenIsLookedAt() {
		String address = newAddress();
		String carol = player("carol");
		from(address, "not-a-jwt").get().uri("/v1/tickets/{id}", "x").exchange().expectStatus().isUnauthorized();
		from(address, null).post().uri("/v1/tickets").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(solo(carol, "duel")).exchange().expectStatus().isUnauthorized();
		double verified = this.meters.counter("rivalry.tokens.verified", "kind", "player").count();
		double rejected = rejectedTokens();

		// A good token now: refused all the same, and never verified.
		assertRateLimited(post(from(address, TestIdentity.get().player(carol)), solo(carol, "duel")),
				"failed-tokens-per-address");
		assertRateLimited(from(address, "not-a-jwt").get().uri("/v1/tickets/{id}", "x").exchange(),
				"failed-tokens-per-address");
		assertThat(this.meters.counter("rivalry.tokens.verified", "kind", "player").count()).isEqualTo(verified);
		assertThat(rejectedTokens()).isEqualTo(rejected);

		// Another address is not held to it.
		post(from(newAddress(), TestIdentity.get().player(carol)), solo(carol, "duel")).expectStatus().isCreated();
	}

	@Test
	void aTicketHasAtMostItsCapOfOpenStreamsWhoeverOpensThem() {
		String dan = player("dan");
		WebTestClient player = from(newAddress(), TestIdentity.get().player(dan));
		TicketView ticket = TicketFixtures.create(player, solo(dan, "duel"));
		WebTestClient backend = from(newAddress(), TestIdentity.get().backend("backend-" + player("s")));
		Flux<ServerSentEvent<TicketView>> first = openEvents(player, ticket.id());
		Flux<ServerSentEvent<TicketView>> second = openEvents(player, ticket.id());
		Flux<ServerSentEvent<TicketView>> third = openEvents(backend, ticket.id());

		assertRateLimited(requestEvents(backend, ticket.id()), "streams-per-ticket");

		StepVerifier.create(second).expectNextMatches((event) -> event.data() != null).thenCancel()
			.verify(Duration.ofSeconds(10));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Flux<ServerSentEvent<TicketView>> again = openEvents(backend, ticket.id());
			StepVerifier.create(again).expectNextMatches((event) -> event.data() != null).thenCancel()
				.verify(Duration.ofSeconds(10));
		});
		List.of(first, third).forEach((stream) -> StepVerifier.create(stream).expectNextCount(1).thenCancel()
			.verify(Duration.ofSeconds(10)));
	}

	@Test
	void aStrangerTakesNoneOfATicketsStreamPlaces() {
		String erin = player("erin");
		WebTestClient owner = from(newAddress(), TestIdentity.get().player(erin));
		TicketView ticket = TicketFixtures.create(owner, solo(erin, "duel"));
		WebTestClient stranger = from(newAddress(), TestIdentity.get().player(player("mallory")));
		for (int i = 0; i < 3; i++) {
			requestEvents(stranger, ticket.id()).expectStatus().isNotFound();
		}
		Flux<ServerSentEvent<TicketView>> mine = openEvents(owner, ticket.id());
		StepVerifier.create(mine).expectNextMatches((event) -> event.data() != null).thenCancel()
			.verify(Duration.ofSeconds(10));
	}

	private static WebTestClient.ResponseSpec readsUntilRefused(WebTestClient client, int allowed) {
		for (int i = 0; i < allowed; i++) {
			client.get().uri("/v1/tickets/{id}", "no-such-ticket").exchange().expectStatus().isNotFound();
		}
		return client.get().uri("/v1/tickets/{id}", "no-such-ticket").exchange();
	}

	private double refused(String limit) {
		return this.meters.counter("rivalry.limits.refused", "limit", limit).count();
	}

	private double rejectedTokens() {
		return this.meters.find("rivalry.tokens.rejected").counters().stream().mapToDouble((c) -> c.count()).sum();
	}

	/** A client address of this test's own: a documentation /64 nobody else draws. */
	static String newAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "2001:db8:%x:%x::7".formatted(random.nextInt(0x10000), random.nextInt(0x10000));
	}

	WebTestClient from(String address, String token) {
		WebTestClient.Builder builder = TicketFixtures.clientAs(this.port, token).mutate()
			.defaultHeader("X-Forwarded-For", address);
		return builder.build();
	}

}
