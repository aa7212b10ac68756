package dev.rivalry.tokens;

import java.time.Duration;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.nimbusds.jose.JWSObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.rivalry.tokens.TestTokens.NOW;
import static dev.rivalry.tokens.TestTokens.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenRoundTripTests {

	private final TestTokens tokens = new TestTokens();

	static Stream<Arguments> kinds() {
		return Stream.of(Arguments.of(TokenKind.MATCH, TestTokens.match(), null, Duration.ofMinutes(5)),
				Arguments.of(TokenKind.ALLOCATION, TestTokens.allocation(), "server-7", Duration.ofMinutes(5)),
				Arguments.of(TokenKind.REPORT, TestTokens.report(), null, Duration.ofHours(2)),
				Arguments.of(TokenKind.SERVER, TestTokens.server(), null, Duration.ofDays(30)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("kinds")
	<C> void anIssuedTokenVerifiesToTheClaimsItWasIssuedWith(TokenKind<C> kind, C claims, String audience,
			Duration lifetime) {
		IssuedToken token = this.tokens.issuer.issue(kind, claims);

		VerificationResult<C> result = await(this.tokens.verifier.verify(token.compact(), kind, audience));

		assertThat(result).isInstanceOf(Verified.class);
		Verified<C> verified = (Verified<C>) result;
		assertThat(verified.claims()).isEqualTo(claims);
		assertThat(verified.metadata())
			.isEqualTo(new TokenMetadata(token.jti(), NOW, NOW.plus(lifetime), this.tokens.key.getKeyID()));
		assertThat(token.issuedAt()).isEqualTo(NOW);
		assertThat(token.expiresAt()).isEqualTo(NOW.plus(lifetime));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("kinds")
	<C> void aTokenCarriesItsKindsHeaderAndRegisteredClaims(TokenKind<C> kind, C claims, String audience)
			throws Exception {
		IssuedToken token = this.tokens.issuer.issue(kind, claims);

		JWSObject jws = JWSObject.parse(token.compact());
		assertThat(jws.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
		assertThat(jws.getHeader().getKeyID()).isEqualTo("key-a");
		assertThat(jws.getHeader().getType().getType()).isEqualTo(kind.type());
		Map<String, Object> payload = TestTokens.payloadOf(token.compact());
		assertThat(payload).containsKeys("iss", "sub", "aud", "iat", "exp", "jti").containsEntry("jti", token.jti());
		assertThat(payload.keySet()).containsAll(kind.requiredClaims());
		if (audience != null) {
			assertThat(payload).containsEntry("aud", audience);
		}
	}

	@Test
	void everyTokenHasItsOwnId() {
		IssuedToken first = this.tokens.issuer.issue(TokenKind.MATCH, TestTokens.match());
		IssuedToken second = this.tokens.issuer.issue(TokenKind.MATCH, TestTokens.match());

		assertThat(first.jti()).isNotEqualTo(second.jti());
		assertThat(first.compact()).isNotEqualTo(second.compact());
	}

	@Test
	void issuedTokensDoNotShowTheirTextWhenPrinted() {
		IssuedToken token = this.tokens.issuer.issue(TokenKind.SERVER, TestTokens.server());

		assertThat(token.toString()).contains(token.jti()).doesNotContain(token.compact());
	}

	@Test
	void aTokenWithoutAGameVerifiesWithoutOne() {
		MatchClaims claims = new MatchClaims("alice", "m-2", "casual", Map.of(), TestTokens.PARTICIPANTS);
		IssuedToken token = this.tokens.issuer.issue(TokenKind.MATCH, claims);

		VerificationResult<MatchClaims> result = await(this.tokens.verifier.verify(token.compact(), TokenKind.MATCH));

		assertThat(((Verified<MatchClaims>) result).claims().game()).isNull();
		assertThat(TestTokens.payloadOf(token.compact())).doesNotContainKey("game");
	}

	@Test
	void nestedConfigSurvivesTheRoundTrip() {
		Map<String, Object> config = Map.of("teams", List.of(Map.of("size", 2), Map.of("size", 2)), "ratio", 0.5,
				"ranked", true, "mutators", List.of());
		MatchClaims claims = new MatchClaims("alice", "m-3", "ranked-duel", config, TestTokens.PARTICIPANTS);
		IssuedToken token = this.tokens.issuer.issue(TokenKind.MATCH, claims);

		VerificationResult<MatchClaims> result = await(this.tokens.verifier.verify(token.compact(), TokenKind.MATCH));

		assertThat(((Verified<MatchClaims>) result).claims().config()).isEqualTo(claims.config());
		assertThat(claims.config().get("teams")).isEqualTo(List.of(Map.of("size", 2L), Map.of("size", 2L)));
	}

	@Test
	void anExplicitLifetimeOverridesTheKindsLifetime() {
		IssuedToken token = this.tokens.issuer.issue(TokenKind.REPORT, TestTokens.report(), Duration.ofHours(6));

		assertThat(token.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(6)));
	}

	@Test
	void aTokenExpiredWithinTheClockSkewStillVerifies() {
		TokenIssuer earlier = this.tokens.issuerAt(Clock.fixed(NOW.minusSeconds(310), ZoneOffset.UTC));
		IssuedToken token = earlier.issue(TokenKind.MATCH, TestTokens.match());

		assertThat(token.expiresAt()).isBefore(NOW);
		assertThat(await(this.tokens.verifier.verify(token.compact(), TokenKind.MATCH)).isVerified()).isTrue();
	}

	@Test
	void allocationTokensNeedTheExpectedAudience() {
		IssuedToken token = this.tokens.issuer.issue(TokenKind.ALLOCATION, TestTokens.allocation());

		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.tokens.verifier.verify(token.compact(), TokenKind.ALLOCATION))
			.withMessageContaining("expected audience");
	}

	@Test
	void tokenKindsKnowTheirTypesAndParties() {
		assertThat(TokenKind.values()).extracting(TokenKind::type)
			.containsExactly("rivalry-match+jwt", "rivalry-allocation+jwt", "rivalry-report+jwt", "rivalry-server+jwt");
		assertThat(TokenKind.ALLOCATION.audience()).isEmpty();
		assertThat(TokenKind.REPORT.audience()).contains(Party.MATCHMAKER);
		assertThat(TokenKind.MATCH.issuer()).isEqualTo(Party.MATCHMAKER);
	}

}
