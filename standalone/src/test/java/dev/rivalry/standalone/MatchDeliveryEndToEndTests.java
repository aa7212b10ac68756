package dev.rivalry.standalone;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.rivalry.matchmaker.ticket.TicketView;
import dev.rivalry.testsupport.sse.EventStream;
import dev.rivalry.testsupport.tickets.TicketRequests;
import dev.rivalry.tickets.TicketState;
import dev.rivalry.tokens.MatchClaims;
import dev.rivalry.tokens.TokenKind;
import dev.rivalry.tokens.TokenVerifier;
import dev.rivalry.tokens.VerificationResult;
import dev.rivalry.tokens.Verified;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matchmaker and the engine as separate services (each its own application context
 * and configuration) on one Kafka and one Redis: two players of a 1v1 profile in one
 * region queue with their player tokens, the engine matches them, and each player's event stream delivers
 * {@code MATCHED} with a match-ID token that verifies and fits the JSON Schema.
 */
class MatchDeliveryEndToEndTests {

	static Services services;

	@BeforeAll
	static void start() {
		services = new Services("e2e-delivery").start();
	}

	@AfterAll
	static void stop() {
		services.close();
	}

	@Test
	void twoDuelPlayersInOneRegionEachReceiveAVerifiableMatchToken() throws Exception {
		WebTestClient client = services.matchmaker();
		String alice = "alice-" + UUID.randomUUID();
		String bob = "bob-" + UUID.randomUUID();
		TicketView aliceTicket = queue(client, alice);
		TicketView bobTicket = queue(client, bob);

		List<TicketView> finals = Flux
			.merge(lastState(client, alice, aliceTicket.id()), lastState(client, bob, bobTicket.id()))
			.collectList()
			.block(Duration.ofSeconds(60));

		assertThat(finals).allSatisfy((ticket) -> assertThat(ticket.state()).isEqualTo(TicketState.MATCHED));
		assertThat(finals).extracting((ticket) -> ticket.match().id()).containsOnly(finals.get(0).match().id());
		TokenVerifier verifier = services.matchmakerBean(TokenVerifier.class);
		JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
			.getSchema(Path.of("..", "docs", "tokens", "match.schema.json").toUri());
		for (TicketView ticket : finals) {
			String player = ticket.players().get(0).id();
			String token = ticket.match().tokens().get(player);
			VerificationResult<MatchClaims> result = verifier.verify(token, TokenKind.MATCH).block(Duration.ofSeconds(30));
			assertThat(result).isInstanceOfSatisfying(Verified.class, (verified) -> {
				MatchClaims claims = (MatchClaims) verified.claims();
				assertThat(claims.playerId()).isEqualTo(player);
				assertThat(claims.matchId()).isEqualTo(ticket.match().id());
				assertThat(claims.profile()).isEqualTo("duel");
				assertThat(claims.participants()).extracting("id").containsExactlyInAnyOrder(alice, bob);
			});
			Set<ValidationMessage> errors = schema.validate(payloadOf(token));
			assertThat(errors).as("schema errors").isEmpty();
		}
	}

	private static TicketView queue(WebTestClient client, String player) {
		WebTestClient asPlayer = client.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth(services.playerToken(player)))
			.build();
		return TicketRequests.created(asPlayer, TicketRequests.duel(player), TicketView.class);
	}

	/** The ticket's event stream, to its end: the terminal state. */
	private static Mono<TicketView> lastState(WebTestClient client, String player, String ticketId) {
		return EventStream.of(TicketView.class)
			.data(client.get()
				.uri("/v1/tickets/{id}/events", ticketId)
				.headers((headers) -> headers.setBearerAuth(services.playerToken(player))))
			.last();
	}

	private static JsonNode payloadOf(String token) throws Exception {
		String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
		return new ObjectMapper().readTree(payload);
	}

}
