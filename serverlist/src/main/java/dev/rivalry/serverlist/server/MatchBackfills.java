package dev.rivalry.serverlist.server;

import dev.rivalry.tickets.backfill.BackfillStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Ends the open backfill of a match its server left (ready again, deregistered, or removed
 * after staying silent), so no player is matched into a match no longer played, holding a
 * token no server will take. Best effort, logged: an open backfill also expires by itself.
 */
final class MatchBackfills {

	private static final Logger logger = LoggerFactory.getLogger(MatchBackfills.class);

	private final BackfillStore backfills;

	MatchBackfills(BackfillStore backfills) {
		this.backfills = backfills;
	}

	/**
	 * @param matchId the match the server left, or {@code null} or empty when it held none
	 * @return completes once the backfill ended (or ending it failed, logged)
	 */
	Mono<Void> serverLeft(String matchId) {
		if (matchId == null || matchId.isEmpty()) {
			return Mono.empty();
		}
		return this.backfills.endOpen(matchId).then().onErrorResume((ex) -> {
			logger.warn("The open backfill of match '{}' was not ended: {}", matchId, ex.toString());
			return Mono.empty();
		});
	}

}
