package dev.rivalry.testsupport.fuzz;

/**
 * One generated HTTP request.
 *
 * @param method the method, e.g. {@code POST}
 * @param path the path and query, already percent-encoded
 * @param authorization the {@code Authorization} header, or null
 * @param contentType the {@code Content-Type} header, or null
 * @param body the body, or null for none
 */
public record FuzzRequest(String method, String path, String authorization, String contentType, String body) {

	@Override
	public String toString() {
		// Shrunk failures are printed: short enough to read, with no whole token in them.
		String auth = (this.authorization == null) ? "none"
				: this.authorization.substring(0, Math.min(this.authorization.length(), 16)) + "…";
		String shownBody = (this.body == null) ? "none"
				: (this.body.length() > 200) ? this.body.substring(0, 200) + "… (" + this.body.length() + " chars)" : this.body;
		return this.method + " " + this.path + " auth=" + auth + " type=" + this.contentType + " body=" + shownBody;
	}

}
