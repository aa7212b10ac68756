package dev.rivalry.serverlist.server;

import java.util.Optional;

import dev.rivalry.tickets.backfill.BackfillStore;
import dev.rivalry.web.ProblemHandlingAutoConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.rivalry.testsupport.http.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * How {@code POST /v1/servers} refuses what it cannot take, as a {@code @WebFluxTest} slice: no
 * Redis, the registry and the fleet keys mocked. A body that breaks the request's rules is a
 * {@code 400 invalid-request} listing the fields, one that is not JSON a {@code 400
 * malformed-request} saying where, and without a fleet key the body is never looked at
 * (docs/serverlist.md).
 */
@WebFluxTest(ServerController.class)
@ImportAutoConfiguration(ProblemHandlingAutoConfiguration.class)
class RegistrationErrorMappingTests {

	static final String FLEET_KEY = "blue-fleet-key-0123456789";

	@Autowired
	WebTestClient client;

	@MockitoBean
	ServerRegistry registry;

	@MockitoBean
	ServerCredentials credentials;

	@MockitoBean
	FleetKeys fleets;

	@MockitoBean
	BackfillStore backfills;

	@BeforeEach
	void blueFleet() {
		given(this.fleets.fleetOf(any())).willReturn(Optional.empty());
		given(this.fleets.fleetOf(FLEET_KEY)).willReturn(Optional.of("blue"));
	}

	@Test
	void aBodyWithoutAnAddressIsA400InvalidRequestNamingTheField() {
		expectProblem(register(FLEET_KEY, "{\"region\": \"eu\"}"), 400, "invalid-request")
			.jsonPath("$.errors[0].field").isEqualTo("address")
			.jsonPath("$.errors.length()").isEqualTo(1);
		then(this.registry).should(never()).register(any(), any());
	}

	@Test
	void anAddressWithoutAPortIsA400InvalidRequestSayingWhatAnAddressIs() {
		expectProblem(register(FLEET_KEY, "{\"address\": \"10.0.0.1\", \"region\": \"eu\"}"), 400, "invalid-request")
			.jsonPath("$.errors[0].field").isEqualTo("address")
			.jsonPath("$.errors[0].message").isEqualTo("must be host:port with a port from 1 to 65535");
	}

	@Test
	void aBodyThatIsNotJsonIsA400MalformedRequestNamingTheLineAndColumn() {
		expectProblem(register(FLEET_KEY, "{\"address\": \"10.0.0.1:7777\",\n \"region\": }"), 400, "malformed-request")
			.jsonPath("$.detail").value(String.class, (detail) -> assertThat(detail).contains("(line 2, column "));
		then(this.registry).should(never()).register(any(), any());
	}

	/** The key is checked before the body is read: a caller without one learns nothing about what it sent. */
	@Test
	void withoutAValidFleetKeyEvenABadBodyIsA401InvalidFleetKey() {
		WebTestClient.ResponseSpec response = register("not-a-fleet-key", "{\"region\": }");
		expectProblem(response.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"serverlist\""),
				401, "invalid-fleet-key");
	}

	private WebTestClient.ResponseSpec register(String fleetKey, String json) {
		return this.client.post()
			.uri("/v1/servers")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + fleetKey)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange();
	}

}
