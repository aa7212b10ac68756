package dev.rivalry.serverlist.allocation;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.rivalry.serverlist.server.ServerState;
import dev.rivalry.web.ProblemException;
import dev.rivalry.web.RetryAfterProperties;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The ways an allocation request or a start confirmation is refused, each with its own
 * problem type slug. None quotes the token.
 */
final class AllocationProblems {

	private AllocationProblems() {
	}

	static final class InvalidToken extends ProblemException {

		/** Generic whatever the reason: the verifier's reason is counted (rivalry_tokens_rejected_total), not told. */
		InvalidToken() {
			super(HttpStatus.UNAUTHORIZED, "invalid-token",
					"Allocating needs 'Authorization: Bearer <match token>' with a valid match token from the matchmaker.");
			getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"serverlist\", error=\"invalid_token\"");
		}

	}

	static final class KeysUnavailable extends ProblemException {

		KeysUnavailable(Duration retryAfter) {
			super(HttpStatus.SERVICE_UNAVAILABLE, "keys-unavailable",
					"The matchmaker's signing keys cannot be fetched, so the match token cannot be checked. Retry later.");
			getHeaders().set(HttpHeaders.RETRY_AFTER, RetryAfterProperties.seconds(retryAfter));
		}

	}

	static final class NoCapacity extends ProblemException {

		NoCapacity(AllocationRequest request, Duration retryAfter) {
			super(HttpStatus.SERVICE_UNAVAILABLE, "no-capacity", "No ready server fits match '" + request.matchId()
					+ "' now; retry later.", properties(request));
			getHeaders().set(HttpHeaders.RETRY_AFTER, RetryAfterProperties.seconds(retryAfter));
		}

		private static Map<String, Object> properties(AllocationRequest request) {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("matchId", request.matchId());
			properties.put("game", request.game());
			if (request.region() != null) {
				properties.put("region", request.region());
			}
			properties.put("labels", request.labels());
			return properties;
		}

	}

	static final class MatchEnded extends ProblemException {

		MatchEnded(String matchId) {
			super(HttpStatus.CONFLICT, "match-ended",
					"Match '" + matchId + "' was played and its server released; it is not allocated again.",
					Map.of("matchId", matchId));
		}

	}

	static final class NotAllocated extends ProblemException {

		NotAllocated(String serverId, String matchId, ServerState state) {
			super(HttpStatus.CONFLICT, "not-allocated-to-match", "Server '" + serverId + "' (" + state
					+ ") holds no allocation of match '" + matchId + "': it was never allocated it, or the start "
					+ "deadline passed and the match may have gone to another server. No report token is issued.",
					Map.of("serverId", serverId, "matchId", matchId, "state", state.name()));
		}

	}

	static final class UnsupportedConfig extends ProblemException {

		UnsupportedConfig(String field, String expected) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "unsupported-match-config",
					"The match token's " + field + " must be " + expected + ".", Map.of("field", field));
		}

	}

}
