package dev.rivalry.tokens;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;

/**
 * Ed25519 signing and verifying on the JDK's own provider. Nimbus' Ed25519 classes need
 * Google Tink, which this module does not pull in for an optional algorithm.
 */
final class EdDsa {

	static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);

	private static final String ED25519 = "Ed25519";

	private EdDsa() {
	}

	static JWSSigner signer(OctetKeyPair key) throws GeneralSecurityException {
		PrivateKey privateKey = KeyFactory.getInstance(ED25519)
			.generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, key.getDecodedD()));
		return new Signer(privateKey);
	}

	static JWSVerifier verifier(OctetKeyPair key) throws GeneralSecurityException {
		return new Verifier(publicKey(key.getDecodedX()));
	}

	/** RFC 8032, 5.1.3: little-endian y with the parity of x in the top bit. */
	private static PublicKey publicKey(byte[] encoded) throws GeneralSecurityException {
		if (encoded.length != 32) {
			throw new GeneralSecurityException("an Ed25519 public key has 32 bytes");
		}
		byte[] bigEndian = new byte[32];
		for (int i = 0; i < 32; i++) {
			bigEndian[i] = encoded[31 - i];
		}
		boolean xOdd = (bigEndian[0] & 0x80) != 0;
		bigEndian[0] &= 0x7f;
		EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, bigEndian));
		return KeyFactory.getInstance(ED25519).generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
	}

	private abstract static class Provider {

		private final JCAContext context = new JCAContext();

		public Set<JWSAlgorithm> supportedJWSAlgorithms() {
			return ALGORITHMS;
		}

		public JCAContext getJCAContext() {
			return this.context;
		}

	}

	private static final class Signer extends Provider implements JWSSigner {

		private final PrivateKey key;

		Signer(PrivateKey key) {
			this.key = key;
		}

		@Override
		public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
			try {
				Signature signature = Signature.getInstance(ED25519);
				signature.initSign(this.key);
				signature.update(signingInput);
				return Base64URL.encode(signature.sign());
			}
			catch (GeneralSecurityException ex) {
				throw new JOSEException("Ed25519 signing failed", ex);
			}
		}

	}

	private static final class Verifier extends Provider implements JWSVerifier {

		private final PublicKey key;

		Verifier(PublicKey key) {
			this.key = key;
		}

		@Override
		public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
			// Like Nimbus' verifiers: a critical header we do not process fails verification.
			if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
				return false;
			}
			try {
				Signature verifier = Signature.getInstance(ED25519);
				verifier.initVerify(this.key);
				verifier.update(signingInput);
				return verifier.verify(signature.decode());
			}
			catch (GeneralSecurityException ex) {
				return false;
			}
		}

	}

}
