package dev.rivalry.matchmaker.identity;

import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.rivalry.devidentity.IdentityTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EcdsaVerifiersTests {

	private final EcdsaVerifiers verifiers = new EcdsaVerifiers();

	private final IdentityTokens provider = IdentityTokens.generate("https://id.example", "rivalry");

	@Test
	void anEcdsaTokenIsVerifiedOnBouncyCastleByOneVerifierPerKey() throws Exception {
		SignedJWT token = SignedJWT.parse(this.provider.player("alice", List.of(), Duration.ofMinutes(1)).token());
		JWSVerifier first = this.verifiers.createJWSVerifier(token.getHeader(), publicKey());
		// Nimbus converts the JWK anew for every token: an equal key gets the same verifier.
		JWSVerifier second = this.verifiers.createJWSVerifier(token.getHeader(), publicKey());
		assertThat(first).isSameAs(second).isInstanceOf(ECDSAVerifier.class);
		assertThat(first.getJCAContext().getProvider().getName()).isEqualTo("BC");
		assertThat(token.verify(first)).isTrue();
	}

	@Test
	void aForgedSignatureDoesNotVerify() throws Exception {
		IdentityTokens impostor = IdentityTokens.generate("https://id.example", "rivalry");
		SignedJWT forged = SignedJWT.parse(impostor.player("alice", List.of(), Duration.ofMinutes(1)).token());
		assertThat(forged.verify(this.verifiers.createJWSVerifier(forged.getHeader(), publicKey()))).isFalse();
	}

	@Test
	void otherAlgorithmsAreLeftToNimbus() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		RSAPublicKey rsa = (RSAPublicKey) generator.generateKeyPair().getPublic();
		JWSVerifier verifier = this.verifiers.createJWSVerifier(new JWSHeader(JWSAlgorithm.RS256), rsa);
		assertThat(verifier).isNotInstanceOf(ECDSAVerifier.class);
	}

	private ECPublicKey publicKey() throws Exception {
		return ((ECKey) JWKSet.parse(this.provider.jwksJson()).getKeys().get(0)).toECPublicKey();
	}

}
