package dev.rivalry.matchmaker.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The game servers by state, from the serverlist's {@code GET /v1/servers}.
 *
 * @param total servers registered
 * @param byState servers per state, every state present
 * @param byRegion servers per region, then per state (states with none left out)
 */
record ServerFigures(int total, Map<String, Integer> byState, Map<String, Map<String, Integer>> byRegion) {

	/** The serverlist's states, in the order of a server's life. */
	static final List<String> STATES = List.of("READY", "ALLOCATED", "PLAYING", "UNHEALTHY");

	static ServerFigures of(List<Server> servers) {
		Map<String, Integer> byState = new LinkedHashMap<>();
		STATES.forEach((state) -> byState.put(state, 0));
		Map<String, Map<String, Integer>> byRegion = new TreeMap<>();
		for (Server server : servers) {
			byState.merge(server.state(), 1, Integer::sum);
			byRegion.computeIfAbsent(server.region(), (region) -> new TreeMap<>()).merge(server.state(), 1, Integer::sum);
		}
		return new ServerFigures(servers.size(), byState, byRegion);
	}

	/** The body of {@code GET /v1/servers}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Listing(List<Server> servers) {
	}

	/** What the dashboard needs of one server. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Server(String id, String region, String state) {
	}

}
