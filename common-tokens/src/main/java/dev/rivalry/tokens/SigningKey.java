package dev.rivalry.tokens;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;

/** A private key ready to sign, with the algorithm it signs with and its public half. */
record SigningKey(String kid, JWSAlgorithm algorithm, JWSSigner signer, VerifyingKey verifying) {
}
