package dev.rivalry.matchmaker.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.rivalry.matchmaker.MatchmakerIntegrationTest;
import dev.rivalry.matchmaker.TicketFixtures;
import dev.rivalry.matchmaker.ticket.TicketView;
import dev.rivalry.tickets.TicketState;
import dev.rivalry.tickets.TicketStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.rivalry.matchmaker.TicketFixtures.player;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every ticket endpoint against every credential of {@link Credential}: the expected status
 * of each pair is one row of the table below (docs/security.md has the same table).
 */
@MatchmakerIntegrationTest
class WhoMayCallWhatIntegrationTests {

	private static final String PROBLEM = "https://rivalry.dev/problems/";

	@LocalServerPort
	int port;

	@Autowired
	TicketStore store;

	@Autowired
	MeterRegistry meters;

	enum Endpoint {

		CREATE, READ, STREAM, CANCEL, ACCEPT, DECLINE

	}

	static Stream<Arguments> table() {
		List<Arguments> rows = new ArrayList<>();
		for (Credential refused : List.of(Credential.NONE, Credential.EXPIRED, Credential.WRONG_ISSUER,
				Credential.WRONG_AUDIENCE, Credential.ALG_NONE, Credential.HS256_WITH_PUBLIC_KEY, Credential.NO_PLAYER_ID, Credential.UNKNOWN_KEY, Credential.RIVALRY_TOKEN_TYPE)) {
			for (Endpoint endpoint : Endpoint.values()) {
				rows.add(Arguments.of(endpoint, refused, 401));
			}
		}
		for (Credential stranger : List.of(Credential.ANOTHER_PLAYER, Credential.BACKEND_WITHOUT_SCOPE)) {
			rows.add(Arguments.of(Endpoint.CREATE, stranger, 403));
			rows.add(Arguments.of(Endpoint.READ, stranger, 404));
			rows.add(Arguments.of(Endpoint.STREAM, stranger, 404));
			rows.add(Arguments.of(Endpoint.CANCEL, stranger, 404));
			rows.add(Arguments.of(Endpoint.ACCEPT, stranger, 404));
			rows.add(Arguments.of(Endpoint.DECLINE, stranger, 404));
		}
		for (Credential allowed : List.of(Credential.THE_PLAYER, Credential.BACKEND_WITH_SCOPE)) {
			rows.add(Arguments.of(Endpoint.CREATE, allowed, 201));
			rows.add(Arguments.of(Endpoint.READ, allowed, 200));
			rows.add(Arguments.of(Endpoint.STREAM, allowed, 200));
			rows.add(Arguments.of(Endpoint.CANCEL, allowed, 204));
			// no engine here: the ticket is never proposed, so its owner's answers find nothing to answer
			rows.add(Arguments.of(Endpoint.ACCEPT, allowed, 409));
			rows.add(Arguments.of(Endpoint.DECLINE, allowed, 409));
		}
		return rows.stream();
	}

	@ParameterizedTest(name = "{0} with {1} -> {2}")
	@MethodSource("table")
	void eachCredentialGetsItsStatusOnEachTicketEndpoint(Endpoint endpoint, Credential credential, int expected) {
		String owner = player("owner");
		WebTestClient caller = TicketFixtures.clientAs(this.port, credential.tokenFor(owner));
		String ticketId = (endpoint != Endpoint.CREATE)
				? TicketFixtures.createDuel(TicketFixtures.client(this.port), owner).id() : null;
		int status = switch (endpoint) {
			case CREATE -> caller.post()
				.uri("/v1/tickets")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(TicketFixtures.duelRequest(owner))
				.exchange()
				.expectBody()
				.returnResult()
				.getStatus()
				.value();
			case READ -> caller.get().uri("/v1/tickets/{id}", ticketId).exchange().expectBody().returnResult().getStatus().value();
			case STREAM -> streamStatus(caller, ticketId);
			case CANCEL -> caller.delete().uri("/v1/tickets/{id}", ticketId).exchange().expectBody().returnResult().getStatus().value();
			case ACCEPT, DECLINE -> caller.post()
				.uri("/v1/tickets/{id}/{answer}", ticketId, endpoint.name().toLowerCase(java.util.Locale.ROOT))
				.exchange()
				.expectBody()
				.returnResult()
				.getStatus()
				.value();
		};
		assertThat(status).isEqualTo(expected);
		if (expected >= 400 && ticketId != null) {
			assertThat(this.store.find(ticketId).block().state()).as("a refused call changes nothing")
				.isEqualTo(TicketState.SEARCHING);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedTokens")
	void aRefusedTokenGetsAGenericProblemThatEchoesNothing(Credential credential) {
		String owner = player("owner");
		String token = credential.tokenFor(owner);
		TicketFixtures.clientAs(this.port, token)
			.post()
			.uri("/v1/tickets")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(TicketFixtures.duelRequest(owner))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE, (challenge) -> assertThat(challenge).startsWith("Bearer"))
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains(PROBLEM + ((token != null) ? "invalid-token" : "unauthenticated"))
				.doesNotContain((token != null) ? token.substring(0, 20) : "eyJ")
				.doesNotContainIgnoringCase("expired")
				.doesNotContainIgnoringCase("signature")
				.doesNotContainIgnoringCase("audience"));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "NONE, missing", "EXPIRED, expired", "WRONG_ISSUER, wrong_issuer", "UNKNOWN_KEY, unknown_key_or_algorithm",
			"WRONG_AUDIENCE, wrong_audience", "ALG_NONE, unknown_key_or_algorithm",
			"HS256_WITH_PUBLIC_KEY, unknown_key_or_algorithm", "NO_PLAYER_ID, no_player" })
	void operatorsSeeWhyATokenWasRefused(Credential credential, String reason) {
		String owner = player("owner");
		double before = rejected(reason);
		TicketFixtures.clientAs(this.port, credential.tokenFor(owner))
			.get()
			.uri("/v1/tickets/{id}", "00000000-0000000000000000000000000a")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		assertThat(rejected(reason)).isEqualTo(before + 1);
	}

	private double rejected(String reason) {
		Counter counter = this.meters.find("rivalry.tokens.rejected").tags("kind", "player", "reason", reason).counter();
		return (counter != null) ? counter.count() : 0;
	}

	static Stream<Credential> refusedTokens() {
		return Stream.of(Credential.NONE, Credential.EXPIRED, Credential.WRONG_ISSUER, Credential.WRONG_AUDIENCE,
				Credential.ALG_NONE, Credential.HS256_WITH_PUBLIC_KEY, Credential.NO_PLAYER_ID, Credential.UNKNOWN_KEY, Credential.RIVALRY_TOKEN_TYPE);
	}

	private static int streamStatus(WebTestClient caller, String ticketId) {
		FluxExchangeResult<String> result = caller.get()
			.uri("/v1/tickets/{id}/events", ticketId)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.returnResult(String.class);
		int status = result.getStatus().value();
		if (status == 200) {
			// The stream is live: its first event (the current state) arrives, then it is dropped.
			assertThat(result.getResponseBody().blockFirst(Duration.ofSeconds(10))).contains(ticketId);
		}
		return status;
	}

}
