package dev.rivalry.tokens;

import java.time.Instant;

/**
 * A freshly signed token.
 *
 * <p>{@link #toString()} leaves the compact form out, so logging an issued token does not
 * leak a bearer credential.
 *
 * @param compact the compact JWS serialization, to hand to its holder
 * @param jti the token's unique id
 * @param issuedAt the {@code iat} claim (whole seconds)
 * @param expiresAt the {@code exp} claim (whole seconds)
 */
public record IssuedToken(String compact, String jti, Instant issuedAt, Instant expiresAt) {

	@Override
	public String toString() {
		return "IssuedToken[jti=" + this.jti + ", issuedAt=" + this.issuedAt + ", expiresAt=" + this.expiresAt + "]";
	}

}
