package dev.rivalry.redis;

import dev.rivalry.web.ProblemException;
import dev.rivalry.web.RetryAfterProperties;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Redis away — refused connections, a restart under way, commands rejected while the client
 * reconnects, no answer within the command timeout — is an outage, not a bug: the caller gets
 * {@code 503 store-unavailable} with {@code Retry-After}, never a 500. Any other Redis error
 * (a script's, say) is left to the default handling. Nothing was acknowledged: a request
 * that fails here wrote nothing it did not undo, or nothing at all (docs/reliability.md).
 */
@RestControllerAdvice
public class StoreOutages {

	private final RetryAfterProperties retryAfter;

	/** @param retryAfter how long a client waits: {@code store}, as a Redis restart or failover takes a few seconds */
	public StoreOutages(RetryAfterProperties retryAfter) {
		this.retryAfter = retryAfter;
	}

	@ExceptionHandler(DataAccessException.class)
	Mono<ResponseEntity<ProblemDetail>> outage(DataAccessException ex) {
		if (!isOutage(ex)) {
			return Mono.error(ex);
		}
		StoreUnavailable problem = new StoreUnavailable(ex);
		HttpHeaders headers = new HttpHeaders();
		this.retryAfter.apply(problem, headers);
		return Mono.just(ResponseEntity.status(problem.getStatusCode())
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem.getBody()));
	}

	/**
	 * Whether an error means Redis could not be reached or did not answer, rather than
	 * that it refused the command.
	 * @param ex the error
	 * @return true for connection failures, timeouts, rejected commands and a loading server
	 */
	public static boolean isOutage(Throwable ex) {
		if (ex instanceof DataAccessResourceFailureException || ex instanceof QueryTimeoutException) {
			return true;
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RedisConnectionException || cause instanceof RedisLoadingException) {
				return true;
			}
			// Lettuce's own connection-level errors: a command sent while it reconnects ("Currently not
			// connected", DisconnectedBehavior.REJECT_COMMANDS), or in flight when the connection
			// dropped ("Connection disconnected", "Connection closed"). Errors Redis answered are
			// subclasses (RedisCommandExecutionException…): those are not outages.
			if (cause.getClass() == RedisException.class) {
				return true;
			}
		}
		return false;
	}

	/** {@code 503 store-unavailable}: the store of tickets, servers and ratings cannot be reached. */
	public static final class StoreUnavailable extends ProblemException {

		StoreUnavailable(Throwable cause) {
			super(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
					"The store is unreachable for the moment; nothing was kept. Retry later.", java.util.Map.of(), cause);
			retryAfter(Retry.STORE);
		}

	}

}
