package dev.rivalry.serverlist.server;

/**
 * What a requested change of a server's state came to.
 */
sealed interface TransitionResult {

	/** The server moved. */
	record Applied() implements TransitionResult {
	}

	/** The server already was where it was asked to go: nothing to do. */
	record Unchanged() implements TransitionResult {
	}

	/** The table does not allow the move; nothing changed. */
	record Refused(ServerState from, ServerState to) implements TransitionResult {
	}

	/** The server is not allocated the match it named (never, or the allocation expired). */
	record NotAllocated(ServerState state) implements TransitionResult {
	}

	/** No such server. */
	record Missing() implements TransitionResult {
	}

	static TransitionResult parse(String reply, ServerState target) {
		if ("applied".equals(reply)) {
			return new Applied();
		}
		if ("unchanged".equals(reply)) {
			return new Unchanged();
		}
		if (reply.startsWith("refused|")) {
			return new Refused(ServerState.valueOf(reply.substring(8)), target);
		}
		if (reply.startsWith("not-allocated|")) {
			return new NotAllocated(ServerState.valueOf(reply.substring(14)));
		}
		return new Missing();
	}

}
