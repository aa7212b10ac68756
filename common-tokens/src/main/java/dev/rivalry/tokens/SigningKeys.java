package dev.rivalry.tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * An issuer's key set: one <em>active</em> key signs, every key is published in the JWKS
 * and verifies. Rotation is publish, activate, retire: a token keeps verifying until the
 * key that signed it is retired (removed from the set).
 *
 * <p>Keys are asymmetric signature keys: EC P-256 (ES256, the default), P-384, P-521, RSA
 * of at least 2048 bits, or Ed25519 (EdDSA). A key without a {@code kid} gets its RFC 7638
 * thumbprint.
 *
 * <p>Thread-safe: readers see one consistent key ring; the rotation methods are
 * serialised and swap the whole ring at once.
 */
public final class SigningKeys {

	private volatile KeyRing ring;

	private SigningKeys(KeyRing ring) {
		this.ring = ring;
	}

	/**
	 * A new EC P-256 key pair that lives as long as this object: fine for tests and
	 * development, wrong for production (tokens stop verifying at a restart and on any
	 * other instance).
	 * @return a key set of one fresh key
	 */
	public static SigningKeys generate() {
		return new SigningKeys(KeyRing.of(List.of(newKey()), null));
	}

	/**
	 * Reads a JWK set of private keys (public-only keys may be published but not active).
	 * @param file a JWK set JSON file
	 * @param activeKeyId the key that signs, or {@code null} for the first of the set
	 * @return the key set
	 * @throws IllegalArgumentException if the file is missing or holds no usable keys
	 */
	public static SigningKeys fromJwkSet(Path file, String activeKeyId) {
		if (!Files.isReadable(file)) {
			throw new IllegalArgumentException("JWK set file " + file + " does not exist or is not readable");
		}
		try {
			return fromJwkSetJson(Files.readString(file, StandardCharsets.UTF_8), activeKeyId);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read JWK set file " + file, ex);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("JWK set file " + file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * @param json a JWK set as JSON
	 * @param activeKeyId the key that signs, or {@code null} for the first of the set
	 * @return the key set
	 */
	public static SigningKeys fromJwkSetJson(String json, String activeKeyId) {
		try {
			return new SigningKeys(KeyRing.of(JWKSet.parse(json).getKeys(), activeKeyId));
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException("not a JWK set", ex);
		}
	}

	/**
	 * Reads private keys from PEM files (EC as {@code EC PRIVATE KEY} or {@code PRIVATE KEY},
	 * RSA as {@code PRIVATE KEY}); the first file's key is active.
	 * @param files one key per file
	 * @return the key set
	 */
	public static SigningKeys fromPem(List<Path> files) {
		return new SigningKeys(KeyRing.of(files.stream().map(PemKeys::read).toList(), null));
	}

	/** @return the id of the key that signs new tokens */
	public String activeKeyId() {
		return this.ring.active().kid();
	}

	/** @return the JWS algorithm of the active key, e.g. {@code ES256} */
	public String activeAlgorithm() {
		return this.ring.active().algorithm().getName();
	}

	/** @return the ids of every published key, in set order */
	public List<String> keyIds() {
		return this.ring.keys().stream().map(JWK::getKeyID).toList();
	}

	/**
	 * Adds a fresh EC P-256 key, published but not active yet (first step of a rotation).
	 * @return its id
	 */
	public synchronized String generateKey() {
		JWK key = newKey();
		this.ring = this.ring.with(key);
		return KeyMaterial.complete(key).getKeyID();
	}

	/**
	 * Makes a published key the one that signs; the previous one stays published.
	 * @param kid a published key with a private part
	 */
	public synchronized void activate(String kid) {
		this.ring = this.ring.withActive(kid);
	}

	/**
	 * Removes a key: tokens it signed stop verifying. Retire a key only after the longest
	 * lifetime of the tokens it signed has passed since it stopped being active.
	 * @param kid a published key that is not active
	 * @throws IllegalStateException if the key is active
	 */
	public synchronized void retire(String kid) {
		this.ring = this.ring.without(kid);
	}

	/** @return the JWKS document: public parts of every published key, as JSON */
	public String jwksJson() {
		return this.ring.jwksJson();
	}

	/** @return the JWKS document as a map of JSON values, freshly parsed */
	public Map<String, Object> jwks() {
		try {
			return JSONObjectUtils.parse(this.ring.jwksJson());
		}
		catch (ParseException ex) {
			throw new IllegalStateException("unreadable JWKS document", ex);
		}
	}

	SigningKey active() {
		return this.ring.active();
	}

	KeyLookup find(String kid) {
		VerifyingKey key = this.ring.published().get(Objects.requireNonNull(kid));
		return (key != null) ? new KeyLookup.Found(key)
				: new KeyLookup.Unknown("no published key has kid " + Rejection.quote(kid));
	}

	private static JWK newKey() {
		try {
			return new ECKeyGenerator(Curve.P_256).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("cannot generate an EC P-256 key", ex);
		}
	}

}
