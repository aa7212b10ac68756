package dev.rivalry.tokens;

import java.util.Objects;

/**
 * A token whose signature, kind, issuer, audience, times and claims all checked out.
 *
 * @param <C> the claims type of the token kind
 * @param claims the kind's claims
 * @param metadata the token's id, times and signing key
 */
public record Verified<C>(C claims, TokenMetadata metadata) implements VerificationResult<C> {

	public Verified {
		Objects.requireNonNull(claims, "claims must not be null");
		Objects.requireNonNull(metadata, "metadata must not be null");
	}

}
