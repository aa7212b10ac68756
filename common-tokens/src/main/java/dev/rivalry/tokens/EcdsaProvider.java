package dev.rivalry.tokens;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The JCA provider every ECDSA signer and verifier of this module uses: Bouncy Castle's.
 * On JDK 17, SunEC's constant-time P-256 signs about 1,800 and verifies about 950 tokens
 * per second per core, and one token is signed per matched player and verified per
 * allocation call: the crypto bounded the whole system (docs/benchmarks.md). Bouncy
 * Castle's P-256 (a dedicated field, fixed-point comb for signing) does about 12,000 of
 * each (ADR 0006). The provider is handed to Nimbus per signer and verifier, not
 * registered JVM-wide, so nothing else in the process changes provider.
 *
 * <p>Keys are translated into Bouncy Castle's own key classes once, when a signer or
 * verifier is built: handed the JDK's key objects, Bouncy Castle rebuilds the curve from
 * its parameters on every signature and loses both its P-256 field and its precomputed
 * tables (about 3,000 signatures per second instead of 12,000).
 */
final class EcdsaProvider {

	/** Thread-safe: providers only hand out new {@code Signature} instances. */
	static final Provider INSTANCE = new BouncyCastleProvider();

	private EcdsaProvider() {
	}

	static ECPrivateKey privateKey(ECPrivateKey key) throws GeneralSecurityException {
		return (ECPrivateKey) KeyFactory.getInstance("EC", INSTANCE).translateKey(key);
	}

	static ECPublicKey publicKey(ECPublicKey key) throws GeneralSecurityException {
		return (ECPublicKey) KeyFactory.getInstance("EC", INSTANCE).translateKey(key);
	}

}
