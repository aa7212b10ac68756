package dev.rivalry.tokens;

import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;

/**
 * A public key ready to check signatures: its id, the algorithms it may be used with and a
 * verifier built once (building one converts the key, which costs more than verifying).
 */
record VerifyingKey(String kid, Set<JWSAlgorithm> algorithms, JWSVerifier verifier, JWK publicJwk) {

	boolean fits(JWSAlgorithm algorithm) {
		return this.algorithms.contains(algorithm);
	}

}
