package dev.rivalry.serverlist.allocation;

import dev.rivalry.serverlist.server.ServerState;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a server's confirmation of a match's start came to ({@code start.lua}).
 */
sealed interface StartOutcome {

	/**
	 * The server plays the match: it started now, or it had already started it.
	 *
	 * @param match the match, for the server's report token
	 */
	record Started(MatchRecord match) implements StartOutcome {
	}

	/**
	 * The server does not hold the match: it was never allocated it, or the allocation
	 * expired (and the match may have gone to another server).
	 *
	 * @param state the server's state
	 */
	record NotAllocated(ServerState state) implements StartOutcome {
	}

	/**
	 * The server holds the match, but its state may not become {@code PLAYING}.
	 *
	 * @param state the server's state
	 */
	record Refused(ServerState state) implements StartOutcome {
	}

	/** No such server. */
	record UnknownServer() implements StartOutcome {
	}

	/** Reads the script's reply. */
	static StartOutcome parse(JsonMapper json, String reply) {
		if (reply.startsWith("applied|") || reply.startsWith("unchanged|")) {
			return new Started(json.readValue(reply.substring(reply.indexOf('|') + 1), MatchRecord.class));
		}
		if (reply.startsWith("not-allocated|")) {
			return new NotAllocated(ServerState.valueOf(reply.substring("not-allocated|".length())));
		}
		if (reply.startsWith("refused|")) {
			return new Refused(ServerState.valueOf(reply.substring("refused|".length())));
		}
		return new UnknownServer();
	}

}
