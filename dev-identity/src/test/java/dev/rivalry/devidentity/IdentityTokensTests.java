package dev.rivalry.devidentity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityTokensTests {

	private static final Instant NOW = Instant.parse("2026-05-01T12:00:00.750Z");

	private final IdentityTokens tokens = IdentityTokens.generate("http://localhost:8083", "rivalry",
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void aPlayerTokenVerifiesAgainstThePublishedKeysAndCarriesTheStandardClaims() throws Exception {
		IssuedIdentityToken issued = this.tokens.player("alice", List.of(), Duration.ofHours(1));

		SignedJWT jwt = verified(issued.token());
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
		assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
		assertThat(jwt.getHeader().getKeyID()).isEqualTo(this.tokens.keyId()).startsWith("dev-");
		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(claims.getSubject()).isEqualTo("alice");
		assertThat(claims.getIssuer()).isEqualTo("http://localhost:8083");
		assertThat(claims.getAudience()).containsExactly("rivalry");
		assertThat(claims.getIssueTime()).isEqualTo(Date.from(Instant.parse("2026-05-01T12:00:00Z")));
		assertThat(claims.getExpirationTime()).isEqualTo(Date.from(Instant.parse("2026-05-01T13:00:00Z")));
		assertThat(claims.getJWTID()).isNotBlank();
		// A solo player's token says nothing about a party.
		assertThat(claims.getClaims()).doesNotContainKeys("party", "scope");
	}

	@Test
	void theExpiryHandedOutIsTheTokensExpInWholeSeconds() throws Exception {
		IssuedIdentityToken issued = this.tokens.player("alice", List.of(), Duration.ofMinutes(5));

		assertThat(issued.expiresAt()).isEqualTo(Instant.parse("2026-05-01T12:05:00Z"));
		assertThat(verified(issued.token()).getJWTClaimsSet().getExpirationTime().toInstant())
			.isEqualTo(issued.expiresAt());
	}

	@Test
	void aPartyLeadersTokenListsTheOtherMembers() throws Exception {
		IssuedIdentityToken issued = this.tokens.player("alice", List.of("bob", "carol"), Duration.ofHours(1));

		JWTClaimsSet claims = verified(issued.token()).getJWTClaimsSet();
		assertThat(claims.getSubject()).isEqualTo("alice");
		assertThat(claims.getStringListClaim(IdentityTokens.PARTY_CLAIM)).containsExactly("bob", "carol");
	}

	@Test
	void aBackendTokenCarriesItsScopeAndClientId() throws Exception {
		IssuedIdentityToken issued = this.tokens.backend("game-backend", IdentityTokens.BACKEND_SCOPE, Duration.ofHours(1));

		JWTClaimsSet claims = verified(issued.token()).getJWTClaimsSet();
		assertThat(claims.getSubject()).isEqualTo("game-backend");
		assertThat(claims.getStringClaim("scope")).isEqualTo("rivalry:tickets");
		assertThat(claims.getStringClaim("client_id")).isEqualTo("game-backend");
		assertThat(claims.getClaims()).doesNotContainKey("party");
	}

	@Test
	void everyTokenHasItsOwnId() throws Exception {
		String first = verified(this.tokens.player("alice", List.of(), Duration.ofHours(1)).token()).getJWTClaimsSet()
			.getJWTID();
		String second = verified(this.tokens.player("alice", List.of(), Duration.ofHours(1)).token()).getJWTClaimsSet()
			.getJWTID();

		assertThat(first).isNotEqualTo(second);
	}

	@Test
	void testsCanSignExpiredTokensAndOverrideClaims() throws Exception {
		IssuedIdentityToken issued = this.tokens.sign("alice", Map.of("aud", "someone-else"), Duration.ofMinutes(-1));

		JWTClaimsSet claims = verified(issued.token()).getJWTClaimsSet();
		assertThat(claims.getAudience()).containsExactly("someone-else");
		assertThat(claims.getExpirationTime().toInstant()).isBefore(NOW);
	}

	@Test
	void everyInstanceHasKeysOfItsOwn() throws Exception {
		IdentityTokens other = IdentityTokens.generate("http://localhost:8083", "rivalry");
		SignedJWT foreign = SignedJWT.parse(other.player("alice", List.of(), Duration.ofHours(1)).token());

		assertThat(other.keyId()).isNotEqualTo(this.tokens.keyId());
		assertThat(foreign.verify(new ECDSAVerifier(publishedKey(this.tokens.jwksJson(), other.keyId())))).isFalse();
	}

	@Test
	void thePublishedKeysHoldNoPrivatePart() throws Exception {
		JWKSet published = JWKSet.parse(this.tokens.jwksJson());

		assertThat(published.getKeys()).singleElement().satisfies((key) -> {
			assertThat(key.isPrivate()).isFalse();
			assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
		});
		assertThat(this.tokens.jwksJson()).doesNotContain("\"d\"");
		assertThat(ECKey.parse(this.tokens.publicJwkJson()).isPrivate()).isFalse();
	}

	/** Verified the way a resource server would: the key picked by {@code kid} from the JWK Set document. */
	private SignedJWT verified(String token) throws Exception {
		SignedJWT jwt = SignedJWT.parse(token);
		ECKey key = publishedKey(this.tokens.jwksJson(), jwt.getHeader().getKeyID());
		assertThat(jwt.verify(new ECDSAVerifier(key))).as("signature").isTrue();
		return jwt;
	}

	private static ECKey publishedKey(String jwksJson, String keyId) throws Exception {
		JWKSet keys = JWKSet.parse(jwksJson);
		ECKey key = (ECKey) keys.getKeyByKeyId(keyId);
		// An unknown kid: verify with the one published key, which must then fail.
		return (key != null) ? key : (ECKey) keys.getKeys().get(0);
	}

}
