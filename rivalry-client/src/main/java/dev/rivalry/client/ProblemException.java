package dev.rivalry.client;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * A call the service refused: its RFC 9457 problem. Branch on {@link #slug()} (the last
 * segment of {@code type}, e.g. {@code ticket-not-found}), never on {@link #detail()};
 * docs/api.md and docs/serverlist.md list every slug.
 * <p>
 * A refusal whose body is not a problem (a proxy's page, say) still becomes one: its
 * {@code type} is {@code about:blank}, its {@code title} the HTTP status and its
 * {@code detail} the start of the body.
 */
public final class ProblemException extends RuntimeException {

	private final URI type;

	private final String title;

	private final int status;

	private final String detail;

	private final URI instance;

	private final Map<String, Object> extensions;

	private final Duration retryAfter;

	/**
	 * @param type the problem's type, never {@code null}
	 * @param title its title, never {@code null}
	 * @param status the HTTP status
	 * @param detail what happened this time, or {@code null}
	 * @param instance the occurrence, or {@code null}
	 * @param extensions the problem's other members (e.g. {@code errors}, {@code limit}, {@code ticketId})
	 * @param retryAfter the answer's {@code Retry-After}, or {@code null} when it had none
	 */
	public ProblemException(URI type, String title, int status, String detail, URI instance,
			Map<String, Object> extensions, Duration retryAfter) {
		super(status + " " + title + ((detail != null) ? ": " + detail : ""), null, false, false);
		this.type = type;
		this.title = title;
		this.status = status;
		this.detail = detail;
		this.instance = instance;
		this.extensions = Map.copyOf(extensions);
		this.retryAfter = retryAfter;
	}

	public URI type() {
		return this.type;
	}

	/** @return the stable name of the problem: the last path segment of {@link #type()} */
	public String slug() {
		String text = this.type.toString();
		return text.substring(text.lastIndexOf('/') + 1);
	}

	public String title() {
		return this.title;
	}

	public int status() {
		return this.status;
	}

	/** @return the human-readable detail, or {@code null}; for people, not for branching */
	public String detail() {
		return this.detail;
	}

	/** @return the occurrence, or {@code null} */
	public URI instance() {
		return this.instance;
	}

	/** @return every member of the problem beyond the five standard ones, never {@code null} */
	public Map<String, Object> extensions() {
		return this.extensions;
	}

	/** @return when the service said to ask again, or {@code null} when it did not say */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
