package dev.rivalry.matchmaker.ticket;

import java.util.List;
import java.util.Set;

import dev.rivalry.matchmaker.OpenSecurity;
import dev.rivalry.web.InvalidRequestException;
import dev.rivalry.web.ProblemHandlingAutoConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.rivalry.testsupport.http.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willReturn;
import static org.mockito.Mockito.never;

/**
 * How {@code POST /v1/tickets} turns bad input into problems (docs/api.md, "Errors"), as a
 * {@code @WebFluxTest} slice: no Redis, no Kafka. The ticket service is a fake that checks the
 * body with the real {@link TicketSchema} and refuses what it refuses, as the service does
 * before anything is stored.
 */
@WebFluxTest(TicketController.class)
@ImportAutoConfiguration(ProblemHandlingAutoConfiguration.class)
@Import(OpenSecurity.class)
class TicketErrorMappingTests {

	static final TicketSchema SCHEMA = new TicketSchema(4, 32, Set.of("eu"));

	@Autowired
	WebTestClient client;

	@MockitoBean
	TicketService tickets;

	@MockitoBean
	TicketViews views;

	@MockitoBean
	TicketAnswers answers;

	@BeforeEach
	void refuseWhatTheSchemaRefuses() {
		given(this.tickets.create(any(), any())).willAnswer((call) -> {
			List<InvalidRequestException.FieldError> errors = SCHEMA.check(call.getArgument(1));
			return errors.isEmpty() ? Mono.never() : Mono.error(new InvalidRequestException(errors));
		});
	}

	@Test
	void aMalformedBodyIsA400NamingTheLineAndColumn() {
		expectProblem(create("{\"players\": [{\"id\": \"ann\"}],\n \"attributes\": {\"mode\": }}"), 400, "malformed-request")
			.jsonPath("$.detail").value(String.class, (detail) -> assertThat(detail).contains("(line 2, column "));
		then(this.tickets).should(never()).create(any(), any());
	}

	@Test
	void aValueOfTheWrongShapeIsA400NamingItsJsonPath() {
		expectProblem(create("{\"players\": [{\"id\": {\"first\": \"ann\"}}]}"), 400, "malformed-request")
			.jsonPath("$.detail").value(String.class, (detail) -> assertThat(detail).contains("at 'players[0].id'"));
	}

	@Test
	void aMissingFieldIsA400InvalidRequestListingItByPath() {
		expectProblem(create("{\"players\": [{\"id\": \"ann\"}, {}], \"attributes\": {\"mode\": \"duel\"}}"), 400,
				"invalid-request")
			.jsonPath("$.errors.length()").isEqualTo(1)
			.jsonPath("$.errors[0].field").isEqualTo("players[1].id")
			.jsonPath("$.errors[0].message").isEqualTo("must not be null");
	}

	@Test
	void moreThanTheAllowedPlayersIsA400InvalidRequestSayingTheLimit() {
		String fivePlayers = "{\"players\": [{\"id\": \"a\"}, {\"id\": \"b\"}, {\"id\": \"c\"}, {\"id\": \"d\"}, {\"id\": \"e\"}]}";
		expectProblem(create(fivePlayers), 400, "invalid-request")
			.jsonPath("$.errors[0].field").isEqualTo("players")
			.jsonPath("$.errors[0].message").isEqualTo("5 players, at most 4 are allowed on one ticket");
	}

	/** A party the schema allows may still be too large for the profile it lands in: a 422, with the limit. */
	@Test
	void aPartyLargerThanItsProfileTakesIsA422PartyTooLargeWithTheLimit() {
		// Stubbed without calling the schema fake above, which would be handed no request.
		willReturn(Mono.error(new TicketProblems.PartyTooLarge("duel", 2, 1))).given(this.tickets).create(any(), any());

		expectProblem(create("{\"players\": [{\"id\": \"ann\"}, {\"id\": \"bob\"}], \"attributes\": {\"mode\": \"duel\"}}"),
				422, "party-too-large")
			.jsonPath("$.profile").isEqualTo("duel")
			.jsonPath("$.maxPartySize").isEqualTo(1);
	}

	private WebTestClient.ResponseSpec create(String json) {
		return this.client.post()
			.uri("/v1/tickets")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange();
	}

}
