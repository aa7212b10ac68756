package dev.rivalry.web;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal that reaches the client as an RFC 9457 problem whose {@code type} ends in a
 * stable slug (clients branch on the slug, never on the wording of {@code detail}).
 */
public class ProblemException extends ErrorResponseException {

	/** The base of every problem type URI. */
	public static final String TYPE_BASE = "https://rivalry.dev/problems/";

	public ProblemException(HttpStatus status, String slug, String detail) {
		this(status, slug, detail, Map.of());
	}

	private final String slug;

	public ProblemException(HttpStatus status, String slug, String detail, Map<String, Object> properties) {
		this(status, slug, detail, properties, null);
	}

	public ProblemException(HttpStatus status, String slug, String detail, Map<String, Object> properties,
			Throwable cause) {
		super(status, problem(status, slug, detail, properties), cause);
		this.slug = slug;
	}

	/**
	 * Why a client may ask again: the writers turn it into {@code Retry-After} with the
	 * service's {@link RetryAfterProperties}.
	 */
	public enum Retry {

		/** A dependency did not answer (keys, Kafka). */
		UNAVAILABLE,

		/** Redis is away. */
		STORE,

		/** The same request is still being processed. */
		IN_PROGRESS

	}

	private Retry retry;

	/**
	 * Marks this problem as worth asking again, after the service's delay for the reason.
	 * @param reason why
	 */
	protected final void retryAfter(Retry reason) {
		this.retry = reason;
	}

	/** @return why a client may ask again, or {@code null} when it should not */
	public Retry retry() {
		return this.retry;
	}

	/** The stable last segment of the problem type, e.g. {@code no-matching-profile}. */
	public String slug() {
		return this.slug;
	}

	private static ProblemDetail problem(HttpStatus status, String slug, String detail,
			Map<String, Object> properties) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + slug));
		problem.setTitle(titleOf(slug));
		properties.forEach(problem::setProperty);
		return problem;
	}

	private static String titleOf(String slug) {
		String words = slug.replace('-', ' ');
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
