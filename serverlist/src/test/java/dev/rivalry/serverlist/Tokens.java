package dev.rivalry.serverlist;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.rivalry.tokens.ReportClaims;
import dev.rivalry.tokens.SigningKeys;
import dev.rivalry.tokens.TokenKind;
import dev.rivalry.tokens.TokenVerifier;
import dev.rivalry.tokens.VerificationResult;
import dev.rivalry.tokens.Verified;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads tokens for assertions: the parts of a compact JWS without verifying it, or a report
 * token verified as the matchmaker would.
 */
public final class Tokens {

	private static final JsonMapper JSON = new JsonMapper();

	private Tokens() {
	}

	public static Map<?, ?> header(String token) {
		return part(token, 0);
	}

	public static Map<?, ?> payload(String token) {
		return part(token, 1);
	}

	public static String audience(String token) {
		Object aud = payload(token).get("aud");
		return (aud instanceof List<?> list) ? (String) list.get(0) : (String) aud;
	}

	/**
	 * @param serverlistKeys the serverlist's signing keys
	 * @param token a report token
	 * @return its claims; fails the test when it does not verify as a report token
	 */
	public static ReportClaims verifiedReport(SigningKeys serverlistKeys, String token) {
		VerificationResult<ReportClaims> result = TokenVerifier.builder()
			.localKeys(serverlistKeys)
			.build()
			.verify(token, TokenKind.REPORT)
			.block();
		assertThat(result).as("a report token").isInstanceOf(Verified.class);
		return ((Verified<ReportClaims>) result).claims();
	}

	private static Map<?, ?> part(String token, int index) {
		return JSON.readValue(Base64.getUrlDecoder().decode(token.split("\\.")[index]), Map.class);
	}

}
