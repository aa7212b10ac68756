package dev.rivalry.serverlist.server;

import java.time.Instant;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The forms of servers in Redis: the fields of a server's hash, and the JSON of its labels
 * and of its candidate card.
 */
final class ServerCodec {

	private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {
	};

	private final JsonMapper json;

	ServerCodec(JsonMapper json) {
		this.json = json;
	}

	String labels(Map<String, String> labels) {
		return this.json.writeValueAsString(labels);
	}

	String card(ServerCard card) {
		return this.json.writeValueAsString(card);
	}

	ServerCard readCard(String card) {
		return this.json.readValue(card, ServerCard.class);
	}

	/** @return the server, or {@code null} when the hash is empty (no such server) */
	Server read(Map<String, String> hash) {
		if (hash.isEmpty() || !hash.containsKey("state")) {
			return null;
		}
		String matchId = hash.getOrDefault("matchId", "");
		return new Server(hash.get("id"), hash.get("fleet"), hash.get("address"), hash.get("region"),
				hash.get("game"), this.json.readValue(hash.get("labels"), LABELS), ServerState.valueOf(hash.get("state")),
				matchId.isEmpty() ? null : matchId, Long.parseLong(hash.get("version")), instant(hash.get("registeredAt")),
				instant(hash.get("stateSince")), instant(hash.get("heartbeatAt")));
	}

	private static Instant instant(String epochMillis) {
		return Instant.ofEpochMilli(Long.parseLong(epochMillis));
	}

}
