package dev.rivalry.serverlist.server;

import java.time.Instant;
import java.util.Map;

/**
 * A registered game server as the registry holds it.
 *
 * @param id its id, a random UUID given at registration
 * @param fleet the fleet whose key registered it
 * @param address how players connect to it, {@code host:port}
 * @param region where it runs
 * @param game the game it runs
 * @param labels what else it offers, matched against what a match asks for
 * @param state its state
 * @param matchId the match it is allocated or playing, or {@code null}
 * @param version increases with every change of state
 * @param registeredAt when it registered
 * @param stateSince when it entered its state
 * @param heartbeatAt its last heartbeat
 */
public record Server(String id, String fleet, String address, String region, String game,
		Map<String, String> labels, ServerState state, String matchId, long version, Instant registeredAt,
		Instant stateSince, Instant heartbeatAt) {

	public Server {
		labels = Map.copyOf(labels);
	}

}
