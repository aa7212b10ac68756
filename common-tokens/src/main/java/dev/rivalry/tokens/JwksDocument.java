package dev.rivalry.tokens;

import java.util.Map;
import java.util.Objects;

/**
 * The body of {@code GET /.well-known/jwks.json}: the public parts of an issuer's keys,
 * never a private part. It follows rotations of the underlying {@link SigningKeys}.
 *
 * <p>Thread-safe. Serve it with {@link #MEDIA_TYPE} or {@code application/json}; a short
 * {@code Cache-Control: max-age} (minutes) suits it, since verifiers refetch on an
 * unknown {@code kid} anyway.
 */
public final class JwksDocument {

	/** The media type of a JWK set (RFC 7517, 8.5). */
	public static final String MEDIA_TYPE = "application/jwk-set+json";

	private final SigningKeys keys;

	public JwksDocument(SigningKeys keys) {
		this.keys = Objects.requireNonNull(keys, "keys must not be null");
	}

	/** @return the document as JSON */
	public String json() {
		return this.keys.jwksJson();
	}

	/** @return the document as a map of JSON values */
	public Map<String, Object> toMap() {
		return this.keys.jwks();
	}

}
