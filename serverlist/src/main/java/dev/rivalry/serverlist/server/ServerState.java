package dev.rivalry.serverlist.server;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The states of a registered game server, and the one table of allowed transitions:
 *
 * <pre>
 * READY      → ALLOCATED (a match is allocated to it), UNHEALTHY (heartbeats stopped)
 * ALLOCATED  → PLAYING (it confirmed the start), READY (the start deadline passed, or it gave
 *              the allocation back), UNHEALTHY (heartbeats stopped)
 * PLAYING    → READY (the match is over), UNHEALTHY (heartbeats stopped)
 * UNHEALTHY  → READY (it says it is ready again)
 * </pre>
 *
 * Staying in a state is not a transition. The Redis scripts that change states receive this
 * table ({@link #transitionTable()}) and check it atomically, so it is the only copy.
 */
public enum ServerState {

	/** Registered, heartbeating and free: the only state a match is allocated to. */
	READY,

	/** Holds a match that has not started yet; frees itself at the start deadline. */
	ALLOCATED,

	/** Running its match. */
	PLAYING,

	/** Missed its heartbeats: never allocated; removed if it stays silent. */
	UNHEALTHY;

	private static final Map<ServerState, Set<ServerState>> TRANSITIONS = table(
			Map.of(READY, EnumSet.of(ALLOCATED, UNHEALTHY),
					ALLOCATED, EnumSet.of(PLAYING, READY, UNHEALTHY),
					PLAYING, EnumSet.of(READY, UNHEALTHY),
					UNHEALTHY, EnumSet.of(READY)));

	/**
	 * @param next a state
	 * @return whether a server in this state may move to {@code next}
	 */
	public boolean canBecome(ServerState next) {
		return TRANSITIONS.get(this).contains(next);
	}

	/** @return the states this one may move to */
	public Set<ServerState> successors() {
		return TRANSITIONS.get(this);
	}

	/**
	 * The table in the form the scripts read: {@code ,FROM>TO,FROM>TO,}.
	 * @return every allowed transition
	 */
	public static String transitionTable() {
		return TRANSITIONS.entrySet()
			.stream()
			.flatMap((entry) -> entry.getValue().stream().map((to) -> entry.getKey() + ">" + to))
			.collect(Collectors.joining(",", ",", ","));
	}

	private static Map<ServerState, Set<ServerState>> table(Map<ServerState, Set<ServerState>> transitions) {
		Map<ServerState, Set<ServerState>> table = new EnumMap<>(ServerState.class);
		for (ServerState state : values()) {
			table.put(state, Collections.unmodifiableSet(EnumSet.copyOf(transitions.get(state))));
		}
		return Collections.unmodifiableMap(table);
	}

}
