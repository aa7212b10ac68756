package dev.rivalry.matchmaker.identity;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.interfaces.ECPublicKey;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Verifies players' ES256/384/512 tokens with Bouncy Castle instead of the JDK's SunEC,
 * which verifies about 950 P-256 signatures per second per core on JDK 17 against about
 * 10,000 (ADR 0006): every ticket call verifies one. Nimbus hands over a new key object
 * per token (it converts the JWK each time), so the verifier, with its key translated into
 * Bouncy Castle's own classes once, is kept per key (keys are equal by their encoding).
 * Other algorithms go to Nimbus's default factory. Thread safe.
 */
final class EcdsaVerifiers implements JWSVerifierFactory {

	private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

	/** A provider serves a handful of keys at a time (rotation); a few hundred covers many providers. */
	private static final int MAX_KEYS = 256;

	private final DefaultJWSVerifierFactory others = new DefaultJWSVerifierFactory();

	private final Cache<ECPublicKey, JWSVerifier> verifiers = Caffeine.newBuilder().maximumSize(MAX_KEYS).build();

	@Override
	public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
		if (key instanceof ECPublicKey ec && JWSAlgorithm.Family.EC.contains(header.getAlgorithm())) {
			JWSVerifier verifier = this.verifiers.get(ec, EcdsaVerifiers::translated);
			if (verifier != null) {
				return verifier;
			}
		}
		return this.others.createJWSVerifier(header, key);
	}

	@Override
	public Set<JWSAlgorithm> supportedJWSAlgorithms() {
		return this.others.supportedJWSAlgorithms();
	}

	@Override
	public JCAContext getJCAContext() {
		return this.others.getJCAContext();
	}

	/** @return a verifier on Bouncy Castle, or null (not cached) for a key it cannot take: the default then decides */
	private static JWSVerifier translated(ECPublicKey key) {
		try {
			ECPublicKey translated = (ECPublicKey) KeyFactory.getInstance("EC", BOUNCY_CASTLE).translateKey(key);
			ECDSAVerifier verifier = new ECDSAVerifier(translated);
			verifier.getJCAContext().setProvider(BOUNCY_CASTLE);
			return verifier;
		}
		catch (GeneralSecurityException | JOSEException ex) {
			return null;
		}
	}

}
