package dev.rivalry.serverlist.server;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ServerStateTests {

	/** The full from × to matrix, written out: the contract of the state machine. */
	@ParameterizedTest(name = "{0} -> {1}: {2}")
	@CsvSource({
			"READY,     READY,     false",
			"READY,     ALLOCATED, true",
			"READY,     PLAYING,   false",
			"READY,     UNHEALTHY, true",
			"ALLOCATED, READY,     true",
			"ALLOCATED, ALLOCATED, false",
			"ALLOCATED, PLAYING,   true",
			"ALLOCATED, UNHEALTHY, true",
			"PLAYING,   READY,     true",
			"PLAYING,   ALLOCATED, false",
			"PLAYING,   PLAYING,   false",
			"PLAYING,   UNHEALTHY, true",
			"UNHEALTHY, READY,     true",
			"UNHEALTHY, ALLOCATED, false",
			"UNHEALTHY, PLAYING,   false",
			"UNHEALTHY, UNHEALTHY, false" })
	void aTransitionIsAllowedExactlyWhenTheTableSaysSo(ServerState from, ServerState to, boolean allowed) {
		assertThat(from.canBecome(to)).isEqualTo(allowed);
		assertThat(ServerState.transitionTable().contains("," + from + ">" + to + ",")).isEqualTo(allowed);
	}

	@Test
	void theScriptsReadTheSameTableAsTheJavaCode() {
		List<String> pairs = Arrays.stream(ServerState.values())
			.flatMap((from) -> from.successors().stream().map((to) -> from + ">" + to))
			.toList();
		assertThat(ServerState.transitionTable()).startsWith(",").endsWith(",");
		assertThat(ServerState.transitionTable().split(",")).filteredOn((pair) -> !pair.isEmpty())
			.containsExactlyInAnyOrderElementsOf(pairs);
	}

	@Test
	void onlyAReadyServerCanBeAllocated() {
		assertThat(Arrays.stream(ServerState.values()).filter((state) -> state.canBecome(ServerState.ALLOCATED)))
			.containsExactly(ServerState.READY);
	}

}
