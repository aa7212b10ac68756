package dev.rivalry.web;

import java.util.Optional;

/**
 * Reads the credential of an {@code Authorization: Bearer …} header (RFC 6750). The scheme
 * is matched without case; anything else is no credential at all.
 */
public final class BearerTokens {

	private static final String SCHEME = "bearer ";

	private BearerTokens() {
	}

	/**
	 * @param authorization the header's value, or {@code null}
	 * @return the credential, or empty when there is none
	 */
	public static Optional<String> of(String authorization) {
		if (authorization == null || authorization.length() <= SCHEME.length()
				|| !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			return Optional.empty();
		}
		String credential = authorization.substring(SCHEME.length()).trim();
		return credential.isEmpty() ? Optional.empty() : Optional.of(credential);
	}

}
