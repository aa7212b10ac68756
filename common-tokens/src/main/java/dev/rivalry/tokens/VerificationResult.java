package dev.rivalry.tokens;

/**
 * The outcome of verifying a token: {@link Verified} with its claims, or {@link Rejected}
 * with a reason. Branch with {@code instanceof}:
 *
 * <pre>{@code
 * if (result instanceof Verified<MatchClaims> verified) { ... verified.claims() ... }
 * }</pre>
 *
 * @param <C> the claims type of the token kind
 */
public sealed interface VerificationResult<C> permits Verified, Rejected {

	/** @return whether the token was verified */
	default boolean isVerified() {
		return this instanceof Verified;
	}

}
