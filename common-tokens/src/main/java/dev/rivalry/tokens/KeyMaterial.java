package dev.rivalry.tokens;

import java.security.GeneralSecurityException;
import java.util.Set;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * Turns JWKs into signing and verifying keys. Only asymmetric signature keys are usable:
 * EC on P-256, P-384 or P-521, RSA of at least 2048 bits, and Ed25519. Symmetric keys are
 * refused outright, so HMAC cannot creep in through a key set.
 */
final class KeyMaterial {

	private static final Set<JWSAlgorithm> RSA_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
			JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512);

	private static final int MIN_RSA_BITS = 2048;

	private KeyMaterial() {
	}

	/**
	 * Checks a JWK and completes it: {@code kid} (RFC 7638 thumbprint when absent),
	 * {@code use: sig} and {@code alg}, so the published key says how it may be used.
	 */
	static JWK complete(JWK jwk) {
		if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
			throw new IllegalArgumentException("key " + jwk.getKeyID() + " is not a signature key");
		}
		JWSAlgorithm algorithm = signingAlgorithm(jwk);
		try {
			String kid = (jwk.getKeyID() != null) ? jwk.getKeyID() : jwk.computeThumbprint().toString();
			if (jwk instanceof ECKey ec) {
				return new ECKey.Builder(ec).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(algorithm).build();
			}
			if (jwk instanceof RSAKey rsa) {
				return new RSAKey.Builder(rsa).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(algorithm).build();
			}
			OctetKeyPair okp = (OctetKeyPair) jwk;
			return new OctetKeyPair.Builder(okp).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(algorithm).build();
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("cannot compute the thumbprint of a key", ex);
		}
	}

	/** The declared algorithm, or the usual one for the key's type: ES256/384/512, RS256, EdDSA. */
	static JWSAlgorithm signingAlgorithm(JWK jwk) {
		Set<JWSAlgorithm> algorithms = algorithms(jwk);
		if (algorithms.size() == 1) {
			return algorithms.iterator().next();
		}
		return (jwk instanceof RSAKey) ? JWSAlgorithm.RS256 : JWSAlgorithm.EdDSA;
	}

	/** The algorithms a key may sign or verify with: the declared one, or those of its type. */
	static Set<JWSAlgorithm> algorithms(JWK jwk) {
		Set<JWSAlgorithm> byType = byKeyType(jwk);
		Algorithm declared = jwk.getAlgorithm();
		if (declared == null) {
			return byType;
		}
		JWSAlgorithm algorithm = JWSAlgorithm.parse(declared.getName());
		if (!byType.contains(algorithm)) {
			throw new IllegalArgumentException("key " + jwk.getKeyID() + " declares alg " + declared.getName()
					+ ", which does not fit its type");
		}
		return Set.of(algorithm);
	}

	static VerifyingKey verifying(JWK completed) {
		JWK publicJwk = completed.toPublicJWK();
		try {
			return new VerifyingKey(completed.getKeyID(), algorithms(completed), verifier(publicJwk), publicJwk);
		}
		catch (JOSEException | GeneralSecurityException ex) {
			throw new IllegalArgumentException("key " + completed.getKeyID() + " cannot verify signatures", ex);
		}
	}

	static SigningKey signing(JWK completed) {
		if (!completed.isPrivate()) {
			throw new IllegalArgumentException("key " + completed.getKeyID() + " has no private part to sign with");
		}
		try {
			JWSAlgorithm algorithm = JWSAlgorithm.parse(completed.getAlgorithm().getName());
			return new SigningKey(completed.getKeyID(), algorithm, signer(completed), verifying(completed));
		}
		catch (JOSEException | GeneralSecurityException ex) {
			throw new IllegalArgumentException("key " + completed.getKeyID() + " cannot sign", ex);
		}
	}

	private static Set<JWSAlgorithm> byKeyType(JWK jwk) {
		if (jwk instanceof ECKey ec) {
			Curve curve = ec.getCurve();
			if (Curve.P_256.equals(curve)) {
				return Set.of(JWSAlgorithm.ES256);
			}
			if (Curve.P_384.equals(curve)) {
				return Set.of(JWSAlgorithm.ES384);
			}
			if (Curve.P_521.equals(curve)) {
				return Set.of(JWSAlgorithm.ES512);
			}
			throw new IllegalArgumentException("EC key " + jwk.getKeyID() + " is on an unsupported curve " + curve);
		}
		if (jwk instanceof RSAKey) {
			if (jwk.size() < MIN_RSA_BITS) {
				throw new IllegalArgumentException("RSA key " + jwk.getKeyID() + " is shorter than 2048 bits");
			}
			return RSA_ALGORITHMS;
		}
		if (jwk instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
			return EdDsa.ALGORITHMS;
		}
		throw new IllegalArgumentException("key " + jwk.getKeyID() + " of type " + jwk.getKeyType()
				+ " is not an asymmetric signature key (EC, RSA or Ed25519)");
	}

	private static JWSVerifier verifier(JWK publicJwk) throws JOSEException, GeneralSecurityException {
		if (publicJwk instanceof ECKey ec) {
			ECDSAVerifier verifier = new ECDSAVerifier(EcdsaProvider.publicKey(ec.toECPublicKey()));
			verifier.getJCAContext().setProvider(EcdsaProvider.INSTANCE);
			return verifier;
		}
		if (publicJwk instanceof RSAKey rsa) {
			return new RSASSAVerifier(rsa);
		}
		return EdDsa.verifier((OctetKeyPair) publicJwk);
	}

	private static JWSSigner signer(JWK privateJwk) throws JOSEException, GeneralSecurityException {
		if (privateJwk instanceof ECKey ec) {
			ECDSASigner signer = new ECDSASigner(EcdsaProvider.privateKey(ec.toECPrivateKey()), ec.getCurve());
			signer.getJCAContext().setProvider(EcdsaProvider.INSTANCE);
			return signer;
		}
		if (privateJwk instanceof RSAKey rsa) {
			return new RSASSASigner(rsa);
		}
		return EdDsa.signer((OctetKeyPair) privateJwk);
	}

}
