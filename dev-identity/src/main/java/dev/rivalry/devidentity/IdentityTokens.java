package dev.rivalry.devidentity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The tokens a game's identity provider would hand out, for development only: ES256 with a
 * P-256 key generated when the instance is created (never stored, never committed), so every
 * start has new keys and a token of an earlier run is refused.
 * <p>
 * Player tokens carry {@code sub} = the player id and, for a party leader, {@code party} = the
 * other members who agreed to queue with it. Back-end tokens carry {@code sub} = the client id
 * and {@code scope} (space separated, as OAuth 2 client-credentials tokens do). Every token has
 * {@code iss}, {@code aud}, {@code iat}, {@code exp} and a {@code jti}; the header has
 * {@code kid} and {@code typ: JWT}. Thread safe.
 */
public final class IdentityTokens {

	/** The claim that lists a party leader's fellow members. */
	public static final String PARTY_CLAIM = "party";

	/** The scope of a trusted game back end, which may act for any player. */
	public static final String BACKEND_SCOPE = "rivalry:tickets";

	private final ECKey key;

	private final ECDSASigner signer;

	private final String issuer;

	private final String audience;

	private final Clock clock;

	private IdentityTokens(ECKey key, String issuer, String audience, Clock clock) {
		this.key = key;
		this.issuer = issuer;
		this.audience = audience;
		this.clock = clock;
		try {
			this.signer = new ECDSASigner(key);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("The generated P-256 key cannot sign", ex);
		}
	}

	/**
	 * @param issuer the {@code iss} of every token, e.g. {@code http://localhost:8083}
	 * @param audience the {@code aud} of every token, e.g. {@code rivalry}
	 * @return an issuer with a freshly generated key
	 */
	public static IdentityTokens generate(String issuer, String audience) {
		return generate(issuer, audience, Clock.systemUTC());
	}

	static IdentityTokens generate(String issuer, String audience, Clock clock) {
		try {
			ECKey key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.ES256)
				.keyID("dev-" + UUID.randomUUID())
				.generate();
			return new IdentityTokens(key, issuer, audience, clock);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("No P-256 key could be generated", ex);
		}
	}

	/**
	 * @param playerId the player, {@code sub}
	 * @param party the other members of the player's party, who agreed to queue with it; empty for a solo player
	 * @param lifetime how long the token is accepted
	 */
	public IssuedIdentityToken player(String playerId, List<String> party, Duration lifetime) {
		return (party == null || party.isEmpty()) ? sign(playerId, Map.of(), lifetime)
				: sign(playerId, Map.of(PARTY_CLAIM, List.copyOf(party)), lifetime);
	}

	/**
	 * @param clientId the back end's client id, {@code sub} and {@code client_id}
	 * @param scope the space-separated scopes, e.g. {@link #BACKEND_SCOPE}
	 * @param lifetime how long the token is accepted
	 */
	public IssuedIdentityToken backend(String clientId, String scope, Duration lifetime) {
		return sign(clientId, Map.of("scope", scope, "client_id", clientId), lifetime);
	}

	/**
	 * Signs any claims (tests use it for expired tokens and unusual claims).
	 * @param subject the {@code sub}
	 * @param extra more claims; they may override {@code aud}, {@code iss} or the times
	 * @param lifetime from now to {@code exp}; negative for a token already expired
	 */
	public IssuedIdentityToken sign(String subject, Map<String, Object> extra, Duration lifetime) {
		return sign(subject, extra, lifetime, JOSEObjectType.JWT.getType());
	}

	/**
	 * Signs any claims with any {@code typ} header (tests use it for tokens of the wrong type).
	 * @param subject the {@code sub}
	 * @param extra more claims; they may override {@code aud}, {@code iss} or the times
	 * @param lifetime from now to {@code exp}; negative for a token already expired
	 * @param type the {@code typ} header
	 */
	public IssuedIdentityToken sign(String subject, Map<String, Object> extra, Duration lifetime, String type) {
		// JWT times are whole seconds: the expiresAt handed out is then exactly the token's exp.
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Instant expiresAt = now.plus(lifetime);
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(this.issuer)
			.audience(this.audience)
			.subject(subject)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(expiresAt))
			.jwtID(UUID.randomUUID().toString());
		extra.forEach(claims::claim);
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(this.key.getKeyID())
			.type(new JOSEObjectType(type))
			.build();
		SignedJWT jwt = new SignedJWT(header, claims.build());
		try {
			jwt.sign(this.signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Signing a development token failed", ex);
		}
		return new IssuedIdentityToken(jwt.serialize(), expiresAt);
	}

	/** @return the JWK Set document of the public key, as served at {@code /.well-known/jwks.json} */
	public String jwksJson() {
		return new JWKSet(this.key.toPublicJWK()).toString();
	}

	/** @return the {@code kid} of the signing key */
	public String keyId() {
		return this.key.getKeyID();
	}

	/** @return the public key as a JWK JSON object (tests forge tokens with it) */
	public String publicJwkJson() {
		return this.key.toPublicJWK().toJSONString();
	}

	public String issuer() {
		return this.issuer;
	}

	public String audience() {
		return this.audience;
	}

}
