package dev.rivalry.serverlist.events;

import java.time.Instant;
import java.util.List;

import dev.rivalry.serverlist.allocation.MatchRecord;
import dev.rivalry.tokens.Participant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a server's stream learns, each tagged with the server's version after the change, so
 * a change both read and received is delivered once.
 */
sealed interface ServerMessage {

	long version();

	/**
	 * The state the stream starts from.
	 *
	 * @param version the server's version when read
	 * @param pending its pending allocation, or {@code null}
	 */
	record Current(long version, Allocated pending) implements ServerMessage {
	}

	/**
	 * A match was allocated to the server.
	 *
	 * @param version the server's version after the change
	 * @param startBy the start deadline
	 * @param match the match
	 */
	record Allocated(long version, Instant startBy, MatchRecord match) implements ServerMessage {
	}

	/**
	 * The server confirmed the start of its match.
	 *
	 * @param version the server's version after the change
	 * @param match the match
	 */
	record Started(long version, MatchRecord match) implements ServerMessage {
	}

	/**
	 * Players joined the server's running match through a backfill.
	 *
	 * @param version the server's version after the change
	 * @param match the match with its grown roster
	 * @param added the players who joined, with their teams
	 */
	record Backfilled(long version, MatchRecord match, List<Participant> added) implements ServerMessage {
	}

	/**
	 * The server's pending allocation ended before the start (deadline, health, given back).
	 *
	 * @param version the server's version after the change
	 * @param matchId the match
	 */
	record Expired(long version, String matchId) implements ServerMessage {
	}

	/**
	 * The server was deregistered or removed: its streams end.
	 *
	 * @param version the server's version after the change
	 */
	record Removed(long version) implements ServerMessage {
	}

	/** Reads a message the scripts published. */
	static ServerMessage parse(JsonMapper json, String message) {
		JsonNode node = json.readTree(message);
		long version = node.get("version").asLong();
		return switch (node.get("type").asString()) {
			case "allocation" -> new Allocated(version, Instant.ofEpochMilli(node.get("startBy").asLong()),
					json.treeToValue(node.get("match"), MatchRecord.class));
			case "started" -> new Started(version, json.treeToValue(node.get("match"), MatchRecord.class));
			case "expired" -> new Expired(version, node.get("matchId").asString());
			case "backfill" -> new Backfilled(version, json.treeToValue(node.get("match"), MatchRecord.class),
					List.of(json.treeToValue(node.get("added"), Participant[].class)));
			default -> new Removed(version);
		};
	}

}
