package dev.rivalry.tokens;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.rivalry.tokens.Rejected.Reason;

import static dev.rivalry.tokens.TestTokens.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SigningKeysTests {

	/** Every private member a JWK can have (RFC 7518, 6.2.2, 6.3.2, 6.4; RFC 8037, 2). */
	private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

	@TempDir
	Path directory;

	@Test
	void aTokenKeepsVerifyingAfterARotationUntilItsKeyIsRetired() {
		SigningKeys keys = SigningKeys.generate();
		TokenIssuer issuer = new TokenIssuer(keys);
		TokenVerifier verifier = TokenVerifier.builder().localKeys(keys).build();
		String keyA = keys.activeKeyId();
		IssuedToken signedByA = issuer.issue(TokenKind.MATCH, TestTokens.match());

		String keyB = keys.generateKey();
		keys.activate(keyB);
		IssuedToken signedByB = issuer.issue(TokenKind.MATCH, TestTokens.match());

		assertThat(keys.keyIds()).containsExactly(keyA, keyB);
		assertThat(kid(await(verifier.verify(signedByA.compact(), TokenKind.MATCH)))).isEqualTo(keyA);
		assertThat(kid(await(verifier.verify(signedByB.compact(), TokenKind.MATCH)))).isEqualTo(keyB);

		keys.retire(keyA);

		assertThat(await(verifier.verify(signedByA.compact(), TokenKind.MATCH))).isInstanceOfSatisfying(Rejected.class,
				(rejected) -> assertThat(rejected.reason()).isEqualTo(Reason.UNKNOWN_KEY));
		assertThat(kid(await(verifier.verify(signedByB.compact(), TokenKind.MATCH)))).isEqualTo(keyB);
		assertThat(keys.jwksJson()).doesNotContain(keyA);
	}

	@Test
	void theActiveKeyCannotBeRetired() {
		SigningKeys keys = SigningKeys.generate();

		assertThatIllegalStateException().isThrownBy(() -> keys.retire(keys.activeKeyId()))
			.withMessageContaining("is active");
	}

	@Test
	void theJwksPublishesEveryKeyAndNoPrivatePart() throws Exception {
		JWK ec = TestTokens.newKey("ec");
		JWK rsa = new RSAKeyGenerator(2048).keyID("rsa").generate();
		JWK ed = ed25519("ed");
		SigningKeys keys = SigningKeys.fromJwkSetJson(new JWKSet(List.of(ec, rsa, ed)).toString(false), null);

		Map<String, Object> jwks = new JwksDocument(keys).toMap();

		@SuppressWarnings("unchecked")
		List<Map<String, Object>> published = (List<Map<String, Object>>) jwks.get("keys");
		assertThat(published).extracting((key) -> key.get("kid")).containsExactly("ec", "rsa", "ed");
		assertThat(published).allSatisfy((key) -> {
			assertThat(key.keySet()).doesNotContainAnyElementsOf(PRIVATE_MEMBERS);
			assertThat(key).containsEntry("use", "sig").containsKey("alg");
		});
		assertThat(keys.jwksJson()).doesNotContain(ec.toECKey().getD().toString(),
				rsa.toRSAKey().getPrivateExponent().toString(), ed.toOctetKeyPair().getD().toString());
	}

	@Test
	void aJwkSetFileSignsWithItsActiveKeyAndPublishesAll() throws Exception {
		Path file = this.directory.resolve("keys.json");
		Files.writeString(file, new JWKSet(List.of(TestTokens.newKey("old"), TestTokens.newKey("new"))).toString(false));

		SigningKeys keys = SigningKeys.fromJwkSet(file, "new");

		assertThat(keys.activeKeyId()).isEqualTo("new");
		assertThat(keys.keyIds()).containsExactly("old", "new");
		assertThat(SigningKeys.fromJwkSet(file, null).activeKeyId()).isEqualTo("old");
	}

	@Test
	void aKeyWithoutAnIdIsNamedByItsThumbprint() throws Exception {
		JWK key = TestTokens.newKey(null);

		SigningKeys keys = SigningKeys.fromJwkSetJson(new JWKSet(key).toString(false), null);

		assertThat(keys.activeKeyId()).isEqualTo(key.computeThumbprint().toString());
	}

	@Test
	void aMissingJwkSetFileIsNamed() {
		Path missing = this.directory.resolve("nope.json");

		assertThatIllegalArgumentException().isThrownBy(() -> SigningKeys.fromJwkSet(missing, null))
			.withMessageContaining(missing.toString());
	}

	@Test
	void symmetricKeysAreRefused() throws Exception {
		OctetSequenceKey secret = new OctetSequenceKeyGenerator(256).keyID("hmac").generate();

		assertThatIllegalArgumentException()
			.isThrownBy(() -> SigningKeys.fromJwkSetJson(new JWKSet(secret).toString(false), null))
			.withMessageContaining("not an asymmetric signature key");
	}

	@Test
	void aPublicKeyMayBePublishedButNotActive() {
		JWK publicOnly = TestTokens.newKey("retiring").toPublicJWK();
		String json = new JWKSet(List.of(TestTokens.newKey("active"), publicOnly)).toString(false);

		assertThat(SigningKeys.fromJwkSetJson(json, null).keyIds()).containsExactly("active", "retiring");
		assertThatIllegalArgumentException().isThrownBy(() -> SigningKeys.fromJwkSetJson(json, "retiring"))
			.withMessageContaining("no private part");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "ec-sec1.pem, ES256", "ec-pkcs8.pem, ES256", "rsa-pkcs8.pem, RS256" })
	void openSslPemKeysSignTokensThatVerify(String file, String algorithm) throws Exception {
		SigningKeys keys = SigningKeys.fromPem(List.of(OpenSslKeyFiles.writeAll(this.directory).resolve(file)));

		assertThat(keys.activeAlgorithm()).isEqualTo(algorithm);
		assertRoundTrip(keys, algorithm);
	}

	@Test
	void aPkcs8EcKeyWithoutItsPublicKeyNeedsThePublicKeyBlock() throws Exception {
		KeyPair pair = KeyPairGenerator.getInstance("EC").generateKeyPair();
		Path bare = write("bare.pem", pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
		Path paired = write("paired.pem", pem("PRIVATE KEY", pair.getPrivate().getEncoded())
				+ pem("PUBLIC KEY", pair.getPublic().getEncoded()));
		Path mismatched = write("mismatched.pem", pem("PRIVATE KEY", pair.getPrivate().getEncoded())
				+ pem("PUBLIC KEY", KeyPairGenerator.getInstance("EC").generateKeyPair().getPublic().getEncoded()));

		assertThatIllegalArgumentException().isThrownBy(() -> SigningKeys.fromPem(List.of(bare)))
			.withMessageContaining("bare.pem")
			.withMessageContaining("PUBLIC KEY");
		assertRoundTrip(SigningKeys.fromPem(List.of(paired)), "ES256");
		assertThatIllegalArgumentException().isThrownBy(() -> SigningKeys.fromPem(List.of(mismatched)))
			.withMessageContaining("does not match");
	}

	@Test
	void severalPemFilesArePublishedAndTheFirstSigns() throws Exception {
		Path files = OpenSslKeyFiles.writeAll(this.directory);
		SigningKeys keys = SigningKeys.fromPem(List.of(files.resolve("ec-sec1.pem"), files.resolve("ec-pkcs8.pem")));

		assertThat(keys.keyIds()).hasSize(2).first().isEqualTo(keys.activeKeyId());
	}

	@Test
	void ed25519KeysSignTokensThatVerify() throws Exception {
		SigningKeys keys = SigningKeys.fromJwkSetJson(new JWKSet(ed25519("ed")).toString(false), null);

		assertThat(keys.activeAlgorithm()).isEqualTo("EdDSA");
		assertRoundTrip(keys, "EdDSA");
	}

	private static void assertRoundTrip(SigningKeys keys, String algorithm) {
		TokenVerifier verifier = TokenVerifier.builder().localKeys(keys).allowedAlgorithms(List.of(algorithm)).build();
		IssuedToken token = new TokenIssuer(keys).issue(TokenKind.REPORT, TestTokens.report());

		VerificationResult<ReportClaims> result = await(verifier.verify(token.compact(), TokenKind.REPORT));

		assertThat(result).isInstanceOfSatisfying(Verified.class,
				(verified) -> assertThat(verified.claims()).isEqualTo(TestTokens.report()));
	}

	private static String kid(VerificationResult<?> result) {
		assertThat(result).isInstanceOf(Verified.class);
		return ((Verified<?>) result).metadata().kid();
	}

	/** An Ed25519 JWK from the JDK's generator: the raw keys are the last 32 bytes of their encodings. */
	static OctetKeyPair ed25519(String kid) throws Exception {
		KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		byte[] x = last32(pair.getPublic().getEncoded());
		byte[] d = last32(pair.getPrivate().getEncoded());
		return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).d(Base64URL.encode(d)).keyID(kid).build();
	}

	private static byte[] last32(byte[] encoded) {
		return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
	}

	private Path write(String name, String content) throws Exception {
		return Files.writeString(this.directory.resolve(name), content, StandardCharsets.US_ASCII);
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type
				+ "-----\n";
	}

}
