package dev.rivalry.tokens;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.nimbusds.jose.util.Base64URL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validates issued tokens against the JSON Schemas in {@code docs/tokens/}, read from the
 * repository (surefire runs in the module directory), so the docs and the code cannot drift.
 */
class TokenSchemaTests {

	private static final Path SCHEMAS = Path.of("../docs/tokens");

	private static final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

	private static final ObjectMapper json = new ObjectMapper();

	private final TestTokens tokens = new TestTokens();

	static Stream<Arguments> issuedClaims() {
		MatchClaims noGame = new MatchClaims("alice", "m-2", "casual", Map.of(), TestTokens.PARTICIPANTS);
		return Stream.of(Arguments.of(TokenKind.MATCH, TestTokens.match()), Arguments.of(TokenKind.MATCH, noGame),
				Arguments.of(TokenKind.ALLOCATION, TestTokens.allocation()),
				Arguments.of(TokenKind.ALLOCATION, AllocationClaims.of(noGame, "server-1", "[::1]:7777")),
				Arguments.of(TokenKind.REPORT, TestTokens.report()), Arguments.of(TokenKind.REPORT, ReportClaims.of(noGame, "s")),
				Arguments.of(TokenKind.SERVER, TestTokens.server()));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("issuedClaims")
	<C> void issuedTokensMatchTheirSchema(TokenKind<C> kind, C claims) throws IOException {
		String compact = this.tokens.issuer.issue(kind, claims).compact();
		JsonNode payload = json.readTree(new Base64URL(compact.split("\\.")[1]).decodeToString());

		assertThat(schema(kind).validate(payload)).isEmpty();
	}

	@Test
	void aMatchPayloadWithoutMatchIdFailsTheSchema() throws IOException {
		Map<String, Object> payload = new LinkedHashMap<>(this.tokens.matchPayload());
		payload.remove("match_id");

		Set<ValidationMessage> errors = schema(TokenKind.MATCH).validate(json.valueToTree(payload));

		assertThat(errors).singleElement().satisfies((error) -> assertThat(error.getMessage()).contains("match_id"));
	}

	@Test
	void aMatchPayloadWithAnUnknownClaimOrABadParticipantFailsTheSchema() throws IOException {
		Map<String, Object> payload = new LinkedHashMap<>(this.tokens.matchPayload());
		payload.put("admin", true);
		payload.put("participants", List.of(Map.of("id", "alice", "team", -1)));

		assertThat(schema(TokenKind.MATCH).validate(json.valueToTree(payload))).hasSize(2);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("kinds")
	void eachSchemaRequiresExactlyTheClaimsItsKindRequires(TokenKind<?> kind) throws IOException {
		JsonNode schema = json.readTree(SCHEMAS.resolve(kind.name() + ".schema.json").toFile());
		List<String> required = new ArrayList<>();
		schema.get("required").forEach((claim) -> required.add(claim.asText()));

		assertThat(required).containsExactlyInAnyOrderElementsOf(kind.requiredClaims());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("kinds")
	void eachSchemaIsAValidDraft202012Schema(TokenKind<?> kind) throws IOException {
		JsonSchema metaSchema = factory.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
		JsonNode schema = json.readTree(SCHEMAS.resolve(kind.name() + ".schema.json").toFile());

		assertThat(metaSchema.validate(schema)).isEmpty();
		assertThat(metaSchema.validate(json.readTree("{\"type\": 5}"))).isNotEmpty();
		assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
	}

	static Stream<TokenKind<?>> kinds() {
		return TokenKind.values().stream();
	}

	private static JsonSchema schema(TokenKind<?> kind) throws IOException {
		return factory.getSchema(Files.readString(SCHEMAS.resolve(kind.name() + ".schema.json")));
	}

}
