package dev.rivalry.serverlist.allocation;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.rivalry.tokens.MatchClaims;
import dev.rivalry.tokens.Participant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AllocationRequestTests {

	private static MatchClaims claims(Map<String, Object> config, String game) {
		return new MatchClaims("ann", "m-1", "duel", config, List.of(new Participant("ann", 0)), game);
	}

	@Test
	void regionAndLabelsComeFromTheConfigAndTheGameFromItsClaim() {
		AllocationRequest request = AllocationRequest.of(
				claims(Map.of("mode", "duel", "region", "eu", "labels", Map.of("map", "arena")), "chess"), "default");
		assertThat(request.matchId()).isEqualTo("m-1");
		assertThat(request.game()).isEqualTo("chess");
		assertThat(request.region()).isEqualTo("eu");
		assertThat(request.labels()).isEqualTo(Map.of("map", "arena"));
		assertThat(request.avoid()).isEmpty();
	}

	@Test
	void withoutThemAnyRegionAnyLabelsAndTheDefaultGameFit() {
		AllocationRequest request = AllocationRequest.of(claims(Map.of("mode", "duel"), null), "default");
		assertThat(request.game()).isEqualTo("default");
		assertThat(request.region()).isNull();
		assertThat(request.labels()).isEmpty();
	}

	static Stream<Arguments> unsupported() {
		return Stream.of(Arguments.of(Map.of("region", 5), null, "config.region"),
				Arguments.of(Map.of("region", "e u"), null, "config.region"),
				Arguments.of(Map.of("labels", "map=arena"), null, "config.labels"),
				Arguments.of(Map.of("labels", Map.of("size", 5)), null, "config.labels"),
				Arguments.of(Map.of(), "chess:960", "game"));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("unsupported")
	void aConfigOfAnotherShapeIsRefusedNamingTheField(Map<String, Object> config, String game, String field) {
		assertThatExceptionOfType(AllocationProblems.UnsupportedConfig.class)
			.isThrownBy(() -> AllocationRequest.of(claims(config, game), "default"))
			.satisfies((ex) -> assertThat(ex.getBody().getProperties()).containsEntry("field", field));
	}

}
