package dev.rivalry.tokens;

import java.util.Locale;
import java.util.Objects;

/**
 * A token that must not be trusted, and why.
 *
 * <p>{@code detail} is for logs and operators; it never contains the token and quotes
 * values taken from a token only shortened and stripped of control characters. Answer
 * clients with a generic message, not with the detail.
 *
 * @param <C> the claims type the token was checked against
 * @param reason the first check the token failed
 * @param detail what exactly was wrong, safe to log
 */
public record Rejected<C>(Reason reason, String detail) implements VerificationResult<C> {

	public Rejected {
		Objects.requireNonNull(reason, "reason must not be null");
		Objects.requireNonNull(detail, "detail must not be null");
	}

	/** Why a token was rejected; each reason is one distinct check. */
	public enum Reason {

		/** Not a compact JWS: wrong number of parts, bad base64url, bad JSON, too long. */
		MALFORMED,

		/** {@code alg: none} or an empty signature. */
		UNSIGNED_OR_ALG_NONE,

		/** An algorithm outside the allow-list (HMAC, for one), or one that does not fit the key. */
		ALGORITHM_NOT_ALLOWED,

		/** The {@code typ} header names another kind of token, or is missing. */
		WRONG_TYPE,

		/** The {@code iss} claim is not the kind's issuer. */
		WRONG_ISSUER,

		/** The {@code aud} claim does not contain the expected audience. */
		WRONG_AUDIENCE,

		/** The {@code exp} claim is past, beyond the allowed clock skew. */
		EXPIRED,

		/** The {@code iat} or {@code nbf} claim is in the future, beyond the allowed clock skew. */
		NOT_YET_VALID,

		/** The signature does not match the header and payload. */
		BAD_SIGNATURE,

		/** No {@code kid}, or no published key of the issuer has it. */
		UNKNOWN_KEY,

		/** A claim the kind requires is absent. */
		MISSING_CLAIM,

		/** The issuer's keys could not be fetched; the token is refused rather than trusted. */
		KEYS_UNAVAILABLE;

		/** @return the lower-case name, as used in metric tags */
		public String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
