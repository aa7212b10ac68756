package dev.rivalry.serverlist.server;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A server as {@code GET /v1/servers} shows it.
 *
 * @param id its id
 * @param fleet the fleet it registered with
 * @param address how players connect to it
 * @param region where it runs
 * @param game the game it runs
 * @param labels what it offers
 * @param state its state
 * @param matchId the match it is allocated or playing; absent when none
 * @param registeredAt when it registered
 * @param stateSince when it entered its state
 * @param heartbeatAt its last heartbeat
 */
public record ServerView(String id, String fleet, String address, String region, String game,
		Map<String, String> labels, ServerState state, @JsonInclude(JsonInclude.Include.NON_NULL) String matchId,
		Instant registeredAt, Instant stateSince, Instant heartbeatAt) {

	static ServerView of(Server server) {
		return new ServerView(server.id(), server.fleet(), server.address(), server.region(), server.game(),
				server.labels(), server.state(), server.matchId(), server.registeredAt(), server.stateSince(),
				server.heartbeatAt());
	}

	/**
	 * The answer to a heartbeat: a server learns that it was found {@code UNHEALTHY} (and
	 * should say when it is ready again).
	 *
	 * @param id its id
	 * @param state its state
	 */
	public record Heartbeat(String id, ServerState state) {
	}

	/**
	 * The answer to a registration.
	 *
	 * @param id the server's id
	 * @param token its credential, for {@code Authorization: Bearer} on every later call
	 */
	public record Registration(String id, String token) {
	}

	/**
	 * The answer to a listing.
	 *
	 * @param servers the servers, by id
	 */
	public record Listing(List<ServerView> servers) {
	}

}
