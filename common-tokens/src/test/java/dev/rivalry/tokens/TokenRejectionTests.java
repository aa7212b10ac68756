package dev.rivalry.tokens;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.PlainObject;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.rivalry.tokens.Rejected.Reason;

import static dev.rivalry.tokens.TestTokens.NOW;
import static dev.rivalry.tokens.TestTokens.await;
import static org.assertj.core.api.Assertions.assertThat;

class TokenRejectionTests {

	private final TestTokens tokens = new TestTokens();

	static Stream<Arguments> rejections() {
		return Stream.of(
				rejection("alg none", TokenKind.MATCH, Reason.UNSIGNED_OR_ALG_NONE,
						(t) -> unsigned(t.matchPayload(), "")),
				rejection("alg none with a made-up signature", TokenKind.MATCH, Reason.UNSIGNED_OR_ALG_NONE,
						(t) -> unsigned(t.matchPayload(), "c2lnbmF0dXJl")),
				rejection("ES256 with the signature cut off", TokenKind.MATCH, Reason.UNSIGNED_OR_ALG_NONE,
						(t) -> withSignature(t.sign(t.matchPayload()), "")),
				rejection("HS256 keyed with the public key's bytes", TokenKind.MATCH, Reason.ALGORITHM_NOT_ALLOWED,
						TokenRejectionTests::hmacWithThePublicKey),
				rejection("an allocation token offered as a match token", TokenKind.MATCH, Reason.WRONG_TYPE,
						(t) -> t.issuer.issue(TokenKind.ALLOCATION, TestTokens.allocation()).compact()),
				rejection("a report token offered as a match token", TokenKind.MATCH, Reason.WRONG_TYPE,
						(t) -> t.issuer.issue(TokenKind.REPORT, TestTokens.report()).compact()),
				rejection("a match token offered as a report token", TokenKind.REPORT, Reason.WRONG_TYPE,
						(t) -> t.issuer.issue(TokenKind.MATCH, TestTokens.match()).compact()),
				rejection("a server credential offered as a report token", TokenKind.REPORT, Reason.WRONG_TYPE,
						(t) -> t.issuer.issue(TokenKind.SERVER, TestTokens.server()).compact()),
				rejection("no typ", TokenKind.MATCH, Reason.WRONG_TYPE, (t) -> TestTokens
					.sign(TestTokens.header(JWSAlgorithm.ES256, "key-a", null), t.matchPayload(), TestTokens.signer(t.key))),
				rejection("typ JWT", TokenKind.MATCH, Reason.WRONG_TYPE, (t) -> TestTokens
					.sign(TestTokens.header(JWSAlgorithm.ES256, "key-a", "JWT"), t.matchPayload(), TestTokens.signer(t.key))),
				rejection("another issuer", TokenKind.MATCH, Reason.WRONG_ISSUER,
						(t) -> t.sign(with(t.matchPayload(), "iss", "serverlist"))),
				rejection("another audience", TokenKind.MATCH, Reason.WRONG_AUDIENCE,
						(t) -> t.sign(with(t.matchPayload(), "aud", "matchmaker"))),
				rejection("an audience list without us", TokenKind.MATCH, Reason.WRONG_AUDIENCE,
						(t) -> t.sign(with(t.matchPayload(), "aud", List.of("a", "b")))),
				rejection("expired", TokenKind.MATCH, Reason.EXPIRED,
						(t) -> t.issuerAt(at(Duration.ofMinutes(-10))).issue(TokenKind.MATCH, TestTokens.match()).compact()),
				rejection("issued in the future", TokenKind.MATCH, Reason.NOT_YET_VALID,
						(t) -> t.issuerAt(at(Duration.ofMinutes(10))).issue(TokenKind.MATCH, TestTokens.match()).compact()),
				rejection("not before a time in the future", TokenKind.MATCH, Reason.NOT_YET_VALID,
						(t) -> t.sign(with(t.matchPayload(), "nbf", NOW.plusSeconds(600).getEpochSecond()))),
				rejection("a claim changed after signing", TokenKind.MATCH, Reason.BAD_SIGNATURE,
						(t) -> tamper(t.issuer.issue(TokenKind.MATCH, TestTokens.match()).compact(), "match_id", "m-999")),
				rejection("a changed signature", TokenKind.MATCH, Reason.BAD_SIGNATURE,
						(t) -> flipSignature(t.issuer.issue(TokenKind.MATCH, TestTokens.match()).compact())),
				rejection("another key claiming our kid", TokenKind.MATCH, Reason.BAD_SIGNATURE,
						(t) -> TestTokens.sign(TestTokens.header(JWSAlgorithm.ES256, "key-a", TokenKind.MATCH.type()),
								t.matchPayload(), TestTokens.signer(TestTokens.newKey("key-a")))),
				rejection("an unknown kid", TokenKind.MATCH, Reason.UNKNOWN_KEY,
						(t) -> TestTokens.sign(TestTokens.header(JWSAlgorithm.ES256, "key-x", TokenKind.MATCH.type()),
								t.matchPayload(), TestTokens.signer(TestTokens.newKey("key-x")))),
				rejection("no kid", TokenKind.MATCH, Reason.UNKNOWN_KEY,
						(t) -> TestTokens.sign(TestTokens.header(JWSAlgorithm.ES256, null, TokenKind.MATCH.type()),
								t.matchPayload(), TestTokens.signer(t.key))),
				rejection("garbage", TokenKind.MATCH, Reason.MALFORMED, (t) -> "garbage"),
				rejection("two parts", TokenKind.MATCH, Reason.MALFORMED,
						(t) -> TestTokens.base64("{\"alg\":\"ES256\"}") + "." + TestTokens.base64("{}")),
				rejection("five parts, as a JWE", TokenKind.MATCH, Reason.MALFORMED, (t) -> "a.b.c.d.e"),
				rejection("bad base64", TokenKind.MATCH, Reason.MALFORMED, (t) -> "eyJ!bGci.eyJz=.c2ln"),
				rejection("a header that is not JSON", TokenKind.MATCH, Reason.MALFORMED,
						(t) -> TestTokens.base64("not json") + ".e30.c2ln"),
				rejection("an empty string", TokenKind.MATCH, Reason.MALFORMED, (t) -> ""),
				rejection("no token at all", TokenKind.MATCH, Reason.MALFORMED, (t) -> null),
				rejection("an oversized token", TokenKind.MATCH, Reason.MALFORMED, (t) -> "a".repeat(20_000)),
				rejection("a signed payload that is not JSON", TokenKind.MATCH, Reason.MALFORMED,
						TokenRejectionTests::signedText),
				rejection("participants of the wrong shape", TokenKind.MATCH, Reason.MALFORMED,
						(t) -> t.sign(with(t.matchPayload(), "participants", "alice"))),
				rejection("a subject who is not a participant", TokenKind.MATCH, Reason.MALFORMED,
						(t) -> t.sign(with(t.matchPayload(), "sub", "mallory"))),
				rejection("no match_id", TokenKind.MATCH, Reason.MISSING_CLAIM,
						(t) -> t.sign(without(t.matchPayload(), "match_id"))),
				rejection("no participants", TokenKind.MATCH, Reason.MISSING_CLAIM,
						(t) -> t.sign(without(t.matchPayload(), "participants"))),
				rejection("no jti", TokenKind.MATCH, Reason.MISSING_CLAIM, (t) -> t.sign(without(t.matchPayload(), "jti"))),
				rejection("no exp", TokenKind.MATCH, Reason.MISSING_CLAIM, (t) -> t.sign(without(t.matchPayload(), "exp"))));
	}

	@ParameterizedTest(name = "{0}: {2}")
	@MethodSource("rejections")
	void aTokenIsRejectedForItsOwnReason(String description, TokenKind<?> kind, Reason reason,
			Function<TestTokens, String> token) {
		String compact = token.apply(this.tokens);

		VerificationResult<?> result = await(this.tokens.verifier.verify(compact, kind));

		assertThat(result).isInstanceOfSatisfying(Rejected.class, (rejected) -> {
			assertThat(rejected.reason()).isEqualTo(reason);
			assertThat(rejected.detail()).isNotBlank();
			if (compact != null && !compact.isEmpty()) {
				assertThat(rejected.detail()).doesNotContain(compact);
			}
		});
	}

	@Test
	void everyReasonHasACase() {
		Set<Reason> covered = rejections().map((arguments) -> (Reason) arguments.get()[2])
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(Reason.class)));
		// KEYS_UNAVAILABLE needs a key source that fails: see below and RemoteJwksTests.
		covered.add(Reason.KEYS_UNAVAILABLE);

		assertThat(covered).containsExactlyInAnyOrder(Reason.values());
	}

	@Test
	void anAllocationTokenForAnotherServerHasTheWrongAudience() {
		String token = this.tokens.issuer.issue(TokenKind.ALLOCATION, TestTokens.allocation()).compact();

		assertThat(await(this.tokens.verifier.verify(token, TokenKind.ALLOCATION, "server-8")))
			.isInstanceOfSatisfying(Rejected.class,
					(rejected) -> assertThat(rejected.reason()).isEqualTo(Reason.WRONG_AUDIENCE));
	}

	@Test
	void anAllowedAlgorithmThatDoesNotFitTheKeyIsNotAllowed() {
		TokenVerifier verifier = TokenVerifier.builder()
			.localKeys(this.tokens.keys)
			.allowedAlgorithms(List.of("ES256", "RS256"))
			.clock(TestTokens.CLOCK)
			.build();
		String es256 = this.tokens.sign(this.tokens.matchPayload());
		String header = TestTokens.base64("{\"alg\":\"RS256\",\"kid\":\"key-a\",\"typ\":\"rivalry-match+jwt\"}");
		String rs256 = header + es256.substring(es256.indexOf('.'));

		assertThat(await(verifier.verify(rs256, TokenKind.MATCH))).isInstanceOfSatisfying(Rejected.class,
				(rejected) -> assertThat(rejected.reason()).isEqualTo(Reason.ALGORITHM_NOT_ALLOWED));
	}

	@Test
	void anIssuerWithoutAKeySourceFailsClosed() {
		TokenVerifier verifier = TokenVerifier.builder()
			.remoteKeys("serverlist", RemoteJwks.builder(URI.create("http://127.0.0.1:9/jwks.json")).build())
			.clock(TestTokens.CLOCK)
			.build();
		String token = this.tokens.issuer.issue(TokenKind.MATCH, TestTokens.match()).compact();

		assertThat(await(verifier.verify(token, TokenKind.MATCH))).isInstanceOfSatisfying(Rejected.class,
				(rejected) -> assertThat(rejected.reason()).isEqualTo(Reason.KEYS_UNAVAILABLE));
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void noTokenTextReachesTheLogs(CapturedOutput output) {
		// Rejections are logged at debug: turn it on so every line they make is seen.
		Logger logger = (Logger) LoggerFactory.getLogger("dev.rivalry.tokens");
		Level level = logger.getLevel();
		logger.setLevel(Level.DEBUG);
		try {
			verifyEveryCaseAndAssertNoTokenTextIn(output);
		}
		finally {
			logger.setLevel(level);
		}
	}

	private void verifyEveryCaseAndAssertNoTokenTextIn(CapturedOutput output) {
		List<String> compacts = new ArrayList<>();
		rejections().forEach((arguments) -> {
			@SuppressWarnings("unchecked")
			String compact = ((Function<TestTokens, String>) arguments.get()[3]).apply(this.tokens);
			await(this.tokens.verifier.verify(compact, (TokenKind<?>) arguments.get()[1]));
			compacts.add(compact);
		});
		String valid = this.tokens.issuer.issue(TokenKind.MATCH, TestTokens.match()).compact();
		await(this.tokens.verifier.verify(valid, TokenKind.MATCH));
		compacts.add(valid);

		assertThat(output.getOut()).contains("Rejected match token: WRONG_TYPE");
		for (String compact : compacts) {
			if (compact == null) {
				continue;
			}
			for (String part : compact.split("\\.")) {
				if (part.length() > 16) {
					assertThat(output.getAll()).doesNotContain(part);
				}
			}
		}
	}

	private static Arguments rejection(String description, TokenKind<?> kind, Reason reason,
			Function<TestTokens, String> token) {
		return Arguments.of(description, kind, reason, token);
	}

	private static Clock at(Duration offset) {
		return Clock.fixed(NOW.plus(offset), ZoneOffset.UTC);
	}

	private static Map<String, Object> with(Map<String, Object> payload, String claim, Object value) {
		Map<String, Object> changed = new LinkedHashMap<>(payload);
		changed.put(claim, value);
		return changed;
	}

	private static Map<String, Object> without(Map<String, Object> payload, String claim) {
		Map<String, Object> changed = new LinkedHashMap<>(payload);
		changed.remove(claim);
		return changed;
	}

	private static String unsigned(Map<String, Object> payload, String signature) {
		PlainHeader header = new PlainHeader.Builder().type(new JOSEObjectType(TokenKind.MATCH.type())).build();
		return new PlainObject(header, new Payload(payload)).serialize() + signature;
	}

	/** The classic confusion: a verifier that took the key's bytes as an HMAC secret would accept this. */
	private static String hmacWithThePublicKey(TestTokens tokens) {
		try {
			byte[] secret = tokens.key.toECPublicKey().getEncoded();
			return TestTokens.sign(TestTokens.header(JWSAlgorithm.HS256, "key-a", TokenKind.MATCH.type()),
					tokens.matchPayload(), new MACSigner(secret));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String signedText(TestTokens tokens) {
		JWSObject jws = new JWSObject(TestTokens.header(JWSAlgorithm.ES256, "key-a", TokenKind.MATCH.type()),
				new Payload("hello"));
		try {
			jws.sign(TestTokens.signer(tokens.key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jws.serialize();
	}

	private static String tamper(String compact, String claim, Object value) {
		String[] parts = compact.split("\\.");
		Map<String, Object> payload = with(TestTokens.payloadOf(compact), claim, value);
		return parts[0] + "." + new Payload(payload).toBase64URL() + "." + parts[2];
	}

	private static String flipSignature(String compact) {
		String[] parts = compact.split("\\.");
		byte[] signature = new Base64URL(parts[2]).decode();
		signature[10] ^= 0x01;
		return parts[0] + "." + parts[1] + "." + Base64URL.encode(signature);
	}

	private static String withSignature(String compact, String signature) {
		return compact.substring(0, compact.lastIndexOf('.') + 1) + signature;
	}

}
