package dev.rivalry.serverlist.allocation;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.rivalry.serverlist.server.ServerCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class ServerChoiceTests {

	private static final ServerCard EU_ARENA = new ServerCard("eu-arena", "10.0.0.1:7000", "eu",
			Map.of("map", "arena", "tier", "gold"));

	private static final ServerCard EU_HARBOUR = new ServerCard("eu-harbour", "10.0.0.2:7000", "eu",
			Map.of("map", "harbour"));

	private static final ServerCard US_ARENA = new ServerCard("us-arena", "10.0.0.3:7000", "us", Map.of("map", "arena"));

	private static final List<ServerCard> ALL = List.of(EU_ARENA, EU_HARBOUR, US_ARENA);

	static Stream<Arguments> fits() {
		return Stream.of(Arguments.of("any region, no labels", null, Map.of(), Set.of("eu-arena", "eu-harbour", "us-arena")),
				Arguments.of("a region", "eu", Map.of(), Set.of("eu-arena", "eu-harbour")),
				Arguments.of("a region nobody runs in", "ap", Map.of(), Set.of()),
				Arguments.of("a label", null, Map.of("map", "arena"), Set.of("eu-arena", "us-arena")),
				Arguments.of("a region and a label", "eu", Map.of("map", "arena"), Set.of("eu-arena")),
				Arguments.of("two labels", null, Map.of("map", "arena", "tier", "gold"), Set.of("eu-arena")),
				Arguments.of("a label value nobody has", null, Map.of("map", "desert"), Set.of()),
				Arguments.of("a label nobody has", null, Map.of("gpu", "yes"), Set.of()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fits")
	void aServerFitsWhenItsRegionAndEveryRequestedLabelMatch(String description, String region,
			Map<String, String> labels, Set<String> fitting) {
		AllocationRequest request = new AllocationRequest("m-1", "game", region, labels, Set.of());
		assertThat(ServerChoice.choose(request, ALL)).extracting(ServerCard::id).containsExactlyInAnyOrderElementsOf(fitting);
	}

	@Test
	void theSameMatchAlwaysRanksTheServersTheSameWay() {
		AllocationRequest request = new AllocationRequest("m-1", "game", null, Map.of(), Set.of());
		List<ServerCard> first = ServerChoice.choose(request, ALL);
		assertThat(ServerChoice.choose(request, List.of(US_ARENA, EU_HARBOUR, EU_ARENA))).isEqualTo(first);
	}

	@Test
	void differentMatchesPreferDifferentServers() {
		List<ServerCard> servers = IntStream.range(0, 10)
			.mapToObj((i) -> new ServerCard("s-" + i, "10.0.0." + i + ":7000", "eu", Map.of()))
			.toList();
		Set<String> favourites = new HashSet<>();
		for (int match = 0; match < 100; match++) {
			AllocationRequest request = new AllocationRequest("m-" + match, "game", null, Map.of(), Set.of());
			favourites.add(ServerChoice.choose(request, servers).get(0).id());
		}
		assertThat(favourites).hasSizeGreaterThanOrEqualTo(8);
	}

	@Test
	void serversThatLetTheMatchExpireComeLast() {
		AllocationRequest fresh = new AllocationRequest("m-1", "game", null, Map.of(), Set.of());
		String favourite = ServerChoice.choose(fresh, ALL).get(0).id();
		AllocationRequest retry = fresh.avoiding(Set.of(favourite));
		List<ServerCard> ranked = ServerChoice.choose(retry, ALL);
		assertThat(ranked).hasSize(3);
		assertThat(ranked.get(2).id()).isEqualTo(favourite);
	}

	@Test
	void noCandidatesMeansNoChoice() {
		AllocationRequest request = new AllocationRequest("m-1", "game", null, Map.of(), Set.of());
		assertThat(ServerChoice.choose(request, List.of())).isEmpty();
	}

}
