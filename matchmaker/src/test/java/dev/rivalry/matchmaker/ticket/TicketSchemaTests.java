package dev.rivalry.matchmaker.ticket;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.rivalry.matchmaker.system.MatchmakerProperties;
import dev.rivalry.matchmaker.ticket.CreateTicketRequest.PlayerRequest;
import dev.rivalry.matchmaker.ticket.TicketRequestCases.Case;
import dev.rivalry.profiles.MatchProfiles;
import dev.rivalry.profiles.Profile;
import dev.rivalry.profiles.ProfilesLoader;
import dev.rivalry.web.InvalidRequestException.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TicketSchema} against the shared table of {@link TicketRequestCases}, and what the
 * table cannot say in JSON.
 */
class TicketSchemaTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final MatchProfiles profiles = testProfiles();

	private static final MatchmakerProperties.Limits limits = new MatchmakerProperties.Limits(10, 32, List.of());

	private final TicketSchema schema = TicketSchema.of(limits, profiles);

	static java.util.stream.Stream<Case> cases() {
		return TicketRequestCases.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void aBodyIsAcceptedOrRefusedNamingTheField(Case example) {
		CreateTicketRequest request = json.readValue(example.bodyFor("alice"), CreateTicketRequest.class);

		List<FieldError> errors = check(request);

		if (example.accepted()) {
			assertThat(errors).isEmpty();
		}
		else {
			assertThat(errors).singleElement().satisfies((error) -> {
				assertThat(error.field()).isEqualTo(example.field());
				assertThat(error.message()).contains(example.message());
			});
		}
	}

	@Test
	void theKnownRegionsAreTheAllowedValuesOfRegionPoolKeysAndTheConfiguredOnes() {
		assertThat(this.schema.regions()).containsExactlyInAnyOrder("eu", "us", "ap");
		MatchmakerProperties.Limits more = new MatchmakerProperties.Limits(10, 32, List.of("sa", "eu"));
		assertThat(TicketSchema.of(more, profiles).regions()).containsExactlyInAnyOrder("eu", "us", "ap", "sa");
	}

	@Test
	void withoutKnownRegionsALatencyMayNameAnyWellFormedRegion() {
		TicketSchema anyRegion = new TicketSchema(10, 32, Set.of());

		assertThat(anyRegion.check(request(Map.of(), Map.of("mars-1", 20)))).isEmpty();
		assertThat(anyRegion.check(request(Map.of(), Map.of("mars 1", 20)))).extracting(FieldError::field)
			.containsExactly("latencies");
	}

	@Test
	void numbersOutsideTheRangeOfADoubleAreRefusedWhateverTheirType() {
		// Depending on the parser's settings, 1e999 arrives as a Double infinity or a BigDecimal.
		Map<String, Object> attributes = Map.of("a", new BigDecimal("1e999"), "b", BigInteger.TEN.pow(400),
				"c", Double.NaN, "d", Float.NEGATIVE_INFINITY, "e", new BigDecimal("1e300"), "f", Long.MAX_VALUE);

		assertThat(this.schema.check(request(attributes, null))).extracting(FieldError::field)
			.containsExactlyInAnyOrder("attributes.a", "attributes.b", "attributes.c", "attributes.d");
	}

	@Test
	void everyFieldAtFaultIsReportedAtOnce() {
		CreateTicketRequest request = new CreateTicketRequest(List.of(new PlayerRequest("a b")),
				Map.of("mode", "duel", "note", "n".repeat(300)), Map.of("eu", -5), "");

		assertThat(this.schema.check(request)).extracting(FieldError::field)
			.containsExactlyInAnyOrder("players[0].id", "attributes.note", "latencies.eu", "requestId");
	}

	@Test
	void aLongNameIsQuotedShortened() {
		List<FieldError> errors = this.schema.check(request(Map.of("x".repeat(1000) + " ", 1), null));

		assertThat(errors).singleElement()
			.satisfies((error) -> assertThat(error.message()).hasSizeLessThan(200).contains("xxx..."));
	}

	private List<FieldError> check(CreateTicketRequest request) {
		List<FieldError> errors = this.schema.check(request);
		if (!errors.isEmpty()) {
			return errors;
		}
		Profile profile = profiles.firstMatching(request.attributes()).orElseThrow();
		return this.schema.checkPool(profile, request.attributes());
	}

	private static CreateTicketRequest request(Map<String, Object> attributes, Map<String, Integer> latencies) {
		return new CreateTicketRequest(List.of(new PlayerRequest("alice")), attributes, latencies, null);
	}

	private static MatchProfiles testProfiles() {
		try (InputStream in = TicketSchemaTests.class.getResourceAsStream("/test-profiles.yml")) {
			return ProfilesLoader.parse("test-profiles.yml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
