package dev.rivalry.tokens;

import java.time.Instant;

/**
 * What a verified token says about itself, beyond its kind's claims.
 *
 * @param jti the token's unique id; single-use tokens are remembered by it
 * @param issuedAt the {@code iat} claim
 * @param expiresAt the {@code exp} claim; remember a single-use token's id until then
 * @param kid the id of the key that signed it
 */
public record TokenMetadata(String jti, Instant issuedAt, Instant expiresAt, String kid) {
}
