package dev.rivalry.testsupport.fuzz;

/**
 * What a fuzzed request got back.
 *
 * @param status the status code
 * @param contentType the {@code Content-Type}, or null
 * @param retryAfter the {@code Retry-After}, or null
 * @param body the body (not read for event streams), at most the first megabyte
 */
public record FuzzAnswer(int status, String contentType, String retryAfter, String body) {

	/** @return whether this is an RFC 9457 problem */
	public boolean isProblem() {
		return this.contentType != null && this.contentType.startsWith("application/problem+json")
				&& this.body.contains("\"type\"") && this.body.contains("\"status\":" + this.status);
	}

	/** @return the problem type's slug, or null */
	public String slug() {
		int at = this.body.indexOf("problems/");
		if (at < 0) {
			return null;
		}
		int end = this.body.indexOf('"', at);
		return (end > at) ? this.body.substring(at + "problems/".length(), end) : null;
	}

}
