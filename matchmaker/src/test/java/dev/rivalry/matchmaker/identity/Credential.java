package dev.rivalry.matchmaker.identity;

import java.text.ParseException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.rivalry.devidentity.IdentityTokens;
import dev.rivalry.testsupport.TestIdentity;

/**
 * The credentials a caller of a ticket endpoint may present, the shared rows of every
 * "who may call what" test: each builds the {@code Authorization} value (or none) for a
 * ticket whose one player is {@code owner}.
 */
enum Credential {

	NONE((owner) -> null),

	EXPIRED((owner) -> identity()
		.sign(owner, Map.of("iat", new Date(System.currentTimeMillis() - 600_000)), Duration.ofMinutes(-5))
		.token()),

	WRONG_ISSUER((owner) -> IdentityTokens.generate("https://impostor.example", TestIdentity.AUDIENCE)
		.player(owner, List.of(), Duration.ofMinutes(5))
		.token()),

	/** The trusted issuer's name, but signed by a key its JWKS does not hold. */
	UNKNOWN_KEY((owner) -> IdentityTokens.generate(identity().issuer(), TestIdentity.AUDIENCE)
		.player(owner, List.of(), Duration.ofMinutes(5))
		.token()),

	WRONG_AUDIENCE((owner) -> identity().sign(owner, Map.of("aud", "another-service"), Duration.ofMinutes(5)).token()),

	ALG_NONE((owner) -> new PlainJWT(claims(owner)).serialize()),

	/** The classic key-confusion attack: HMAC with the provider's public key as the secret. */
	HS256_WITH_PUBLIC_KEY(Credential::hmacWithPublicKey),

	/** Signed by the trusted provider, but typed as one of Rivalry's own tokens: no access token. */
	RIVALRY_TOKEN_TYPE((owner) -> identity().sign(owner, Map.of(), Duration.ofMinutes(5), "rivalry-match+jwt").token()),

	/** Signed by the trusted provider, but its subject is no player id and it has no back-end scope. */
	NO_PLAYER_ID((owner) -> identity().sign("not a player id!", Map.of(), Duration.ofMinutes(5)).token()),

	ANOTHER_PLAYER((owner) -> TestIdentity.get().player("intruder-" + owner)),

	THE_PLAYER((owner) -> TestIdentity.get().player(owner)),

	BACKEND_WITH_SCOPE((owner) -> TestIdentity.get().backend("game-backend")),

	/** A client-credentials token without the tickets scope is no back end: it is read as a player named by its subject. */
	BACKEND_WITHOUT_SCOPE((owner) -> identity().backend("other-service", "profile email", Duration.ofMinutes(5)).token());

	private final Function<String, String> token;

	Credential(Function<String, String> token) {
		this.token = token;
	}

	/** @return the bearer token for a ticket of this owner, or null for none */
	String tokenFor(String owner) {
		return this.token.apply(owner);
	}

	private static IdentityTokens identity() {
		return TestIdentity.get().tokens();
	}

	private static JWTClaimsSet claims(String owner) {
		return new JWTClaimsSet.Builder().issuer(identity().issuer())
			.audience(TestIdentity.AUDIENCE)
			.subject(owner)
			.issueTime(new Date())
			.expirationTime(new Date(System.currentTimeMillis() + 300_000))
			.build();
	}

	private static String hmacWithPublicKey(String owner) {
		try {
			byte[] publicKey = ECKey.parse(identity().publicJwkJson()).toECPublicKey().getEncoded();
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(identity().keyId()).build(),
					claims(owner));
			jwt.sign(new MACSigner(publicKey));
			return jwt.serialize();
		}
		catch (ParseException | JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
