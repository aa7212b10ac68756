package dev.rivalry.matchmaker.result;

import java.util.Map;

import dev.rivalry.web.ProblemException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The ways a result report is refused, each with its own problem type slug. Token
 * problems never say more than that the token was refused: why is for the logs and the
 * {@code token} tag of {@code rivalry.results.refused}.
 */
public final class ResultProblems {

	private ResultProblems() {
	}

	/** Missing, forged, expired, of another kind, for another audience or another match. */
	static final class InvalidReportToken extends ProblemException {

		private final String reason;

		InvalidReportToken(String reason) {
			super(HttpStatus.UNAUTHORIZED, "invalid-report-token",
					"A valid report token for this match is required: Authorization: Bearer <report token>.");
			this.reason = reason;
			getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
		}

		/** Why, as a metric tag: a verifier reason ({@code expired}, …), {@code missing} or {@code wrong_match}. */
		String reason() {
			return this.reason;
		}

	}

	static final class KeysUnavailable extends ProblemException {

		KeysUnavailable() {
			super(HttpStatus.SERVICE_UNAVAILABLE, "report-keys-unavailable",
					"The serverlist's keys cannot be fetched to check the report token; nothing was recorded. Retry later.");
			retryAfter(Retry.UNAVAILABLE);
		}

	}

	/** Also the backfills' answer: the match a report token names is unknown or past its retention. */
	public static final class MatchNotFound extends ProblemException {

		public MatchNotFound(String matchId) {
			super(HttpStatus.NOT_FOUND, "match-not-found", "No match '" + matchId + "' (or it is past its retention).");
		}

	}

	static final class AlreadyReported extends ProblemException {

		AlreadyReported(String matchId) {
			super(HttpStatus.CONFLICT, "result-already-reported",
					"The result of match '" + matchId + "' was already reported; the first report counts.",
					Map.of("matchId", matchId));
		}

	}

	static final class DoesNotFit extends ProblemException {

		DoesNotFit(String detail) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "result-does-not-fit-match", detail);
		}

	}

	static final class StreamUnavailable extends ProblemException {

		StreamUnavailable(Throwable cause) {
			super(HttpStatus.SERVICE_UNAVAILABLE, "result-stream-unavailable",
					"The result was recorded and the ratings updated, but it could not be published yet;"
							+ " reporting again (answered 409) publishes it.",
					Map.of(), cause);
			retryAfter(Retry.UNAVAILABLE);
		}

	}

}
