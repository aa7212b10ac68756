package dev.rivalry.matchmaker.backfill;

import java.util.Map;

import dev.rivalry.tickets.backfill.BackfillState;
import dev.rivalry.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The ways a backfill call is refused, each with its own problem type slug. Token refusals
 * are the report token's ({@code invalid-report-token}, {@code report-keys-unavailable}).
 */
final class BackfillProblems {

	private BackfillProblems() {
	}

	/** Unknown, past its retention, or not of the caller's match: the same answer. */
	static final class NotFound extends ProblemException {

		NotFound(String backfillId) {
			super(HttpStatus.NOT_FOUND, "backfill-not-found",
					"No backfill '" + backfillId + "' of the match this report token is for.");
		}

	}

	/** The match's result was reported: it is over, and gains no players. */
	static final class MatchOver extends ProblemException {

		MatchOver(String matchId) {
			super(HttpStatus.CONFLICT, "match-over",
					"The result of match '" + matchId + "' was reported; a finished match takes no backfill.",
					Map.of("matchId", matchId));
		}

	}

	/** The slots do not fit the match's teams, or its profile is gone. */
	static final class DoesNotFit extends ProblemException {

		DoesNotFit(String detail) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "backfill-does-not-fit-match", detail);
		}

	}

	/** Cancelling a backfill that already ended. */
	static final class NotOpen extends ProblemException {

		NotOpen(String backfillId, BackfillState state) {
			super(HttpStatus.CONFLICT, "backfill-not-open",
					"Backfill '" + backfillId + "' is " + state + " and can no longer be cancelled.",
					Map.of("state", state.name()));
		}

	}

	static final class StreamUnavailable extends ProblemException {

		StreamUnavailable(Throwable cause) {
			super(HttpStatus.SERVICE_UNAVAILABLE, "backfill-stream-unavailable",
					"The backfill could not be handed to the match engines; nothing is searching. Retry later.",
					Map.of(), cause);
			retryAfter(Retry.UNAVAILABLE);
		}

	}

}
