package dev.rivalry.serverlist.server;

/**
 * What a requested change of a server's state came to.
 */
sealed interface TransitionResult {

	/**
	 * The server moved.
	 * @param releasedMatch the match the move released the server from, or {@code null}
	 */
	record Applied(String releasedMatch) implements TransitionResult {

		Applied() {
			this(null);
		}

	}

	/** The server already was where it was asked to go: nothing to do. */
	record Unchanged() implements TransitionResult {
	}

	/** The table does not allow the move; nothing changed. */
	record Refused(ServerState from, ServerState to) implements TransitionResult {
	}

	/** No such server. */
	record Missing() implements TransitionResult {
	}

	static TransitionResult parse(String reply, ServerState target) {
		if ("applied".equals(reply)) {
			return new Applied();
		}
		if (reply.startsWith("applied|")) {
			String match = reply.substring(8);
			return new Applied(match.isEmpty() ? null : match);
		}
		if ("unchanged".equals(reply)) {
			return new Unchanged();
		}
		if (reply.startsWith("refused|")) {
			return new Refused(ServerState.valueOf(reply.substring(8)), target);
		}
		return new Missing();
	}

}
