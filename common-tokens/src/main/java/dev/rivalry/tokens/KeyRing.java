package dev.rivalry.tokens;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;

/**
 * One immutable state of {@link SigningKeys}: every published key, the active one, and the
 * JWKS document they make. Rotation builds a new ring and swaps it in whole.
 */
record KeyRing(List<JWK> keys, Map<String, VerifyingKey> published, SigningKey active, String jwksJson) {

	/**
	 * @param keys the keys, completed or not; public-only keys may be published, not active
	 * @param activeKid the key that signs, or {@code null} for the first
	 */
	static KeyRing of(List<JWK> keys, String activeKid) {
		if (keys.isEmpty()) {
			throw new IllegalArgumentException("a key set needs at least one key");
		}
		List<JWK> completed = new ArrayList<>();
		Map<String, VerifyingKey> published = new LinkedHashMap<>();
		for (JWK key : keys) {
			JWK jwk = KeyMaterial.complete(key);
			if (published.putIfAbsent(jwk.getKeyID(), KeyMaterial.verifying(jwk)) != null) {
				throw new IllegalArgumentException("key id " + jwk.getKeyID() + " appears twice");
			}
			completed.add(jwk);
		}
		String kid = (activeKid != null) ? activeKid : completed.get(0).getKeyID();
		JWK active = completed.stream()
			.filter((jwk) -> jwk.getKeyID().equals(kid))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("the active key " + kid + " is not in the key set"));
		SigningKey signing = selfTested(KeyMaterial.signing(active));
		List<JWK> publicKeys = completed.stream().map(JWK::toPublicJWK).toList();
		return new KeyRing(List.copyOf(completed), Map.copyOf(published), signing, new JWKSet(publicKeys).toString());
	}

	KeyRing withActive(String kid) {
		return of(this.keys, Objects.requireNonNull(kid, "kid must not be null"));
	}

	KeyRing with(JWK key) {
		List<JWK> keys = new ArrayList<>(this.keys);
		keys.add(key);
		return of(keys, this.active.kid());
	}

	KeyRing without(String kid) {
		if (this.active.kid().equals(kid)) {
			throw new IllegalStateException("key " + kid + " is active; activate another key before retiring it");
		}
		List<JWK> keys = this.keys.stream().filter((jwk) -> !jwk.getKeyID().equals(kid)).toList();
		if (keys.size() == this.keys.size()) {
			throw new IllegalArgumentException("no key " + kid + " to retire");
		}
		return of(keys, this.active.kid());
	}

	/**
	 * Signs and verifies once, so a private key paired with the wrong public key (two PEM
	 * blocks that do not belong together) fails at start-up, not on every token.
	 */
	private static SigningKey selfTested(SigningKey key) {
		JWSHeader header = new JWSHeader.Builder(key.algorithm()).keyID(key.kid()).build();
		byte[] input = "rivalry key self-test".getBytes(StandardCharsets.US_ASCII);
		try {
			Base64URL signature = key.signer().sign(header, input);
			if (!key.verifying().verifier().verify(header, input, signature)) {
				throw new IllegalArgumentException("key " + key.kid() + ": the public key does not match the private key");
			}
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("key " + key.kid() + " cannot sign", ex);
		}
		return key;
	}

}
