package dev.rivalry.operator.resource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import dev.rivalry.operator.profile.ProfileDocuments;
import dev.rivalry.operator.profile.SpecVerdict;
import dev.rivalry.profiles.MatchProfiles;
import dev.rivalry.profiles.Profile;
import dev.rivalry.profiles.ProfilesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CRD's schema (what {@code kubectl} refuses) and the profile reader (what the services
 * refuse) agree: every profile of the example file passes both and reads as the same
 * profile; malformed specs are refused by both.
 */
class CrdAgreementTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	private static final JsonSchema SCHEMA = CrdSchema.spec();

	static Stream<Arguments> exampleProfiles() throws IOException {
		String file = exampleFile();
		MatchProfiles read = ProfilesLoader.parse("profiles.yml", file);
		Map<String, Object> root = new Yaml().load(file);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> profiles = (List<Map<String, Object>>) root.get("profiles");
		return profiles.stream().map((entry) -> {
			Map<String, Object> spec = spelledOut(entry);
			String name = (String) spec.remove("name");
			return Arguments.of(name, JSON.valueToTree(spec), read.byName(name).orElseThrow());
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("exampleProfiles")
	void everyExampleProfileFitsTheCrdAndReadsAsTheSameProfile(String name, JsonNode spec, Profile fromFile)
			throws IOException {
		assertThat(CrdSchema.refusals(SCHEMA, spec)).isEmpty();
		MatchProfileSpec resource = JSON.treeToValue(spec, MatchProfileSpec.class);
		SpecVerdict verdict = ProfileDocuments.judge("test/" + name, name, resource);
		assertThat(verdict).isInstanceOfSatisfying(SpecVerdict.Accepted.class,
				(accepted) -> assertThat(accepted.profile()).isEqualTo(fromFile));
	}

	static Stream<Arguments> malformedSpecs() {
		return Stream.of(
				Arguments.of("no teams", "{strategy: {type: rating}}", "spec.teams"),
				Arguments.of("no players", "{teams: {count: 2, size: 0}}", "spec.teams.size"),
				Arguments.of("an unknown strategy", "{teams: {count: 2, size: 1}, strategy: {type: best}}",
						"spec.strategy.type"),
				Arguments.of("a duration without its unit", "{teams: {count: 2, size: 1}, ticket-ttl: '300'}",
						"spec.ticket-ttl"),
				Arguments.of("a negative spread",
						"{teams: {count: 2, size: 1}, strategy: {type: rating, expansions: [{spread: -1}]}}",
						"spec.strategy.expansions[0].spread"),
				Arguments.of("a pool key without its attribute", "{teams: {count: 2, size: 1}, pool-key: {required: true}}",
						"spec.pool-key.attribute"),
				Arguments.of("an empty list of allowed pools",
						"{teams: {count: 2, size: 1}, pool-key: {attribute: region, allowed: []}}",
						"spec.pool-key.allowed"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedSpecs")
	void aMalformedSpecIsRefusedByTheSchemaAndByTheReader(String what, String yaml, String field) throws IOException {
		JsonNode spec = YAML.readTree(yaml);
		assertThat(CrdSchema.refusals(SCHEMA, spec)).as("the CRD's schema").isNotEmpty();
		MatchProfileSpec resource = JSON.treeToValue(spec, MatchProfileSpec.class);
		assertThat(ProfileDocuments.judge("test/bad", "bad", resource)).as("the reader")
			.isInstanceOfSatisfying(SpecVerdict.Invalid.class, (invalid) -> assertThat(invalid.message()).contains(field));
	}

	@Test
	void whatOnlyTheReaderCanJudgeIsReportedWithTheFieldsPath() throws IOException {
		MatchProfileSpec spec = JSON.treeToValue(YAML.readTree(
				"{teams: {count: 2, size: 2}, strategy: {type: first-come, parties: {max-size: 3}}}"),
				MatchProfileSpec.class);
		assertThat(CrdSchema.refusals(SCHEMA, JSON.valueToTree(spec))).isEmpty();
		assertThat(ProfileDocuments.judge("test/duo", "duo", spec)).isInstanceOfSatisfying(SpecVerdict.Invalid.class,
				(invalid) -> assertThat(invalid.message()).startsWith("spec.strategy.parties.max-size"));
	}

	@Test
	void aNameTheTopicCannotTakeIsRefusedAsTheResourcesName() throws IOException {
		MatchProfileSpec spec = JSON.treeToValue(YAML.readTree("{teams: {count: 1, size: 2}}"), MatchProfileSpec.class);
		assertThat(ProfileDocuments.judge("test/eu.duel", "eu.duel", spec))
			.isInstanceOfSatisfying(SpecVerdict.Invalid.class,
					(invalid) -> assertThat(invalid.message()).startsWith("metadata.name"));
	}

	/** The file's two short forms, spelt out as the CRD has them. */
	private static Map<String, Object> spelledOut(Map<String, Object> entry) {
		Map<String, Object> spec = new LinkedHashMap<>(entry);
		if (spec.get("strategy") instanceof String type) {
			spec.put("strategy", Map.of("type", type));
		}
		if (spec.get("pool-key") instanceof String attribute) {
			spec.put("pool-key", Map.of("attribute", attribute));
		}
		return spec;
	}

	private static String exampleFile() throws IOException {
		try (InputStream in = CrdAgreementTests.class.getClassLoader().getResourceAsStream("profiles.yml")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}


}
