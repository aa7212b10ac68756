package dev.rivalry.web;

import java.net.URI;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Turns framework refusals of bad input into problems that say what was wrong and where:
 * invalid fields are listed by path, unreadable JSON names the position the parser gave up
 * at. Everything else keeps Spring's RFC 9457 rendering.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

	private final RetryAfterProperties retryAfter;

	/** Problems with the default {@code Retry-After} delays. */
	public ProblemHandling() {
		this(RetryAfterProperties.defaults());
	}

	public ProblemHandling(RetryAfterProperties retryAfter) {
		this.retryAfter = retryAfter;
	}

	/** A Rivalry problem that says why it may be retried gets the service's {@code Retry-After}. */
	@Override
	protected Mono<ResponseEntity<Object>> handleErrorResponseException(ErrorResponseException ex, HttpHeaders headers,
			HttpStatusCode status, ServerWebExchange exchange) {
		HttpHeaders withRetry = new HttpHeaders();
		withRetry.putAll(headers);
		this.retryAfter.apply(ex, withRetry);
		return super.handleErrorResponseException(ex, withRetry, status, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		List<InvalidRequestException.FieldError> errors = ex.getFieldErrors()
			.stream()
			.map((error) -> new InvalidRequestException.FieldError(error.getField(),
					String.valueOf(error.getDefaultMessage())))
			.toList();
		ex.getBody().setType(URI.create(ProblemException.TYPE_BASE + InvalidRequestException.SLUG));
		ex.getBody().setTitle("Invalid request");
		ex.getBody().setDetail(InvalidRequestException.summary(errors));
		ex.getBody().setProperty("errors", errors.stream().map(InvalidRequestException.FieldError::toMap).toList());
		return super.handleWebExchangeBindException(ex, headers, status, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		ex.getBody().setType(URI.create(ProblemException.TYPE_BASE + "malformed-request"));
		ex.getBody().setTitle("Malformed request");
		ex.getBody().setDetail(readableCause(ex));
		return super.handleServerWebInputException(ex, headers, status, exchange);
	}

	/**
	 * Problems are always {@code application/problem+json}, whatever the request accepted:
	 * an event-stream client refused with a 404 still gets a body saying why.
	 */
	@Override
	protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers,
			HttpStatusCode status, ServerWebExchange exchange) {
		if (body instanceof ProblemDetail problem) {
			typeGeneric(problem, status);
			HttpHeaders problemHeaders = new HttpHeaders();
			problemHeaders.putAll(headers);
			problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
			return super.createResponseEntity(body, problemHeaders, status, exchange);
		}
		return super.createResponseEntity(body, headers, status, exchange);
	}

	/**
	 * Framework refusals (unsupported media type, method not allowed, no such path) come with
	 * the default type {@code about:blank}: they get a slug of their status instead, so every
	 * problem a client sees has a type to branch on.
	 */
	private static void typeGeneric(ProblemDetail problem, HttpStatusCode status) {
		if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
			HttpStatus known = HttpStatus.resolve(status.value());
			String slug = (known != null) ? known.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-')
					: "http-" + status.value();
			problem.setType(URI.create(ProblemException.TYPE_BASE + slug));
		}
	}

	/**
	 * Says where the body went wrong: the JSON path (e.g. {@code players[0].id}) and the
	 * line and column, then the parser's reason without the parts that would quote input.
	 */
	private static String readableCause(ServerWebInputException ex) {
		JacksonException json = jacksonCause(ex);
		if (json == null) {
			return (ex.getReason() != null) ? ex.getReason() : "The request body could not be read.";
		}
		StringBuilder detail = new StringBuilder("The request body is not valid JSON for this endpoint");
		String path = pathOf(json);
		if (!path.isEmpty()) {
			detail.append(" at '").append(path).append("'");
		}
		TokenStreamLocation location = json.getLocation();
		if (location != null && location.getLineNr() > 0) {
			detail.append(" (line ").append(location.getLineNr()).append(", column ").append(location.getColumnNr())
				.append(")");
		}
		return detail.append(": ").append(reasonOf(json)).toString();
	}

	private static JacksonException jacksonCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException json) {
				return json;
			}
		}
		return null;
	}

	private static String pathOf(JacksonException json) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : json.getPath()) {
			if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
			else if (reference.getPropertyName() != null) {
				path.append((path.length() > 0) ? "." : "").append(reference.getPropertyName());
			}
		}
		return path.toString();
	}

	private static String reasonOf(JacksonException json) {
		String reason = String.valueOf(json.getOriginalMessage()).lines().findFirst().orElse("");
		int source = reason.indexOf(" (start marker at");
		return (source > 0) ? reason.substring(0, source) : reason;
	}

}
