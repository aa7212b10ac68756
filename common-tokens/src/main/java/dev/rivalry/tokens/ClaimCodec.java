package dev.rivalry.tokens;

import java.util.List;
import java.util.Map;

/**
 * Maps one kind's claims record to and from the JSON claims of a token's payload. The
 * registered claims ({@code iss}, {@code aud}, {@code iat}, ...) are the issuer's and the
 * verifier's business; a codec only supplies the subject and, for kinds whose audience is
 * not a fixed party, the audience.
 */
interface ClaimCodec<C> {

	/** @return the value of the {@code sub} claim */
	String subject(C claims);

	/** @return the value of the {@code aud} claim, or {@code null} if the kind names a fixed party */
	default String audience(C claims) {
		return null;
	}

	/** @return the kind's own claims, in the order they are written */
	Map<String, Object> write(C claims);

	/**
	 * @param subject the verified {@code sub}
	 * @param audience the expected audience that the {@code aud} claim matched
	 * @param claims the payload
	 * @return the claims record
	 * @throws Rejection on a missing or malformed claim
	 */
	C read(String subject, String audience, ClaimReader claims);

	/** @return the kind's own required claims, for documentation and error messages */
	List<String> required();

}
