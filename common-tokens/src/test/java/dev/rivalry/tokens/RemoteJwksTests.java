package dev.rivalry.tokens;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import dev.rivalry.testsupport.MutableClock;
import dev.rivalry.tokens.Rejected.Reason;

import static dev.rivalry.tokens.TestTokens.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

class RemoteJwksTests {

	private final MutableClock clock = new MutableClock(TestTokens.NOW);

	private final SigningKeys issuerKeys = SigningKeys.generate();

	private final TokenIssuer issuer = new TokenIssuer(this.issuerKeys, PartyNames.defaults(),
			TokenLifetimes.defaults(), this.clock);

	private final JwksServer server;

	private final TokenVerifier verifier;

	RemoteJwksTests() throws Exception {
		this.server = new JwksServer(this.issuerKeys::jwksJson);
		this.verifier = verifierFor(remote(Duration.ofSeconds(5)));
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void keysAreFetchedOnceThenServedFromTheCache() {
		String token = reportToken();

		assertThat(verify(token)).isInstanceOf(Verified.class);
		assertThat(verify(token)).isInstanceOf(Verified.class);
		assertThat(verify(reportToken())).isInstanceOf(Verified.class);

		assertThat(this.server.requests()).isEqualTo(1);
	}

	@Test
	void anUnknownKidTriggersARefetchThatFindsTheRotatedKey() {
		assertThat(verify(reportToken())).isInstanceOf(Verified.class);
		this.issuerKeys.activate(this.issuerKeys.generateKey());
		this.clock.advance(Duration.ofSeconds(31));

		assertThat(verify(reportToken())).isInstanceOf(Verified.class);
		assertThat(this.server.requests()).isEqualTo(2);
	}

	@Test
	void refetchesForUnknownKidsAreRateLimited() {
		assertThat(verify(reportToken())).isInstanceOf(Verified.class);
		this.issuerKeys.activate(this.issuerKeys.generateKey());
		String rotated = reportToken();

		assertThat(reason(verify(rotated))).isEqualTo(Reason.UNKNOWN_KEY);
		assertThat(reason(verify(rotated))).isEqualTo(Reason.UNKNOWN_KEY);
		assertThat(this.server.requests()).isEqualTo(1);

		this.clock.advance(Duration.ofSeconds(31));
		assertThat(verify(rotated)).isInstanceOf(Verified.class);
		assertThat(this.server.requests()).isEqualTo(2);
	}

	@Test
	void concurrentCallersShareOneFetch() throws Exception {
		String token = reportToken();
		this.server.hold();

		CompletableFuture<List<VerificationResult<ReportClaims>>> results = Flux.range(0, 8)
			.flatMap((i) -> this.verifier.verify(token, TokenKind.REPORT))
			.collectList()
			.toFuture();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.server.requests() == 1);
		this.server.release();

		assertThat(results.get(10, TimeUnit.SECONDS)).hasSize(8).allMatch(VerificationResult::isVerified);
		assertThat(this.server.requests()).isEqualTo(1);
	}

	@Test
	void aServerThatIsDownMakesKeysUnavailable() {
		this.server.close();

		assertThat(reason(verify(reportToken()))).isEqualTo(Reason.KEYS_UNAVAILABLE);
	}

	@Test
	void anErrorStatusMakesKeysUnavailable() {
		this.server.respondWith(500);

		assertThat(reason(verify(reportToken()))).isEqualTo(Reason.KEYS_UNAVAILABLE);
	}

	@Test
	void aServerTooSlowToAnswerMakesKeysUnavailable() {
		TokenVerifier impatient = verifierFor(remote(Duration.ofMillis(200)));
		this.server.hold();

		assertThat(reason(await(impatient.verify(reportToken(), TokenKind.REPORT)))).isEqualTo(Reason.KEYS_UNAVAILABLE);
	}

	@Test
	void keysOlderThanTheirMaximumAgeAreRefetchedSoRetiredKeysStopVerifying() {
		String signedByA = reportToken();
		assertThat(verify(signedByA)).isInstanceOf(Verified.class);
		String keyA = this.issuerKeys.activeKeyId();
		this.issuerKeys.activate(this.issuerKeys.generateKey());
		this.issuerKeys.retire(keyA);

		this.clock.advance(Duration.ofMinutes(11));

		assertThat(reason(verify(signedByA))).isEqualTo(Reason.UNKNOWN_KEY);
		assertThat(this.server.requests()).isEqualTo(2);
	}

	@Test
	void cachedKeysKeepServingWhenARefetchFails() {
		String token = reportToken();
		assertThat(verify(token)).isInstanceOf(Verified.class);
		this.server.respondWith(503);
		this.clock.advance(Duration.ofMinutes(11));

		assertThat(verify(token)).isInstanceOf(Verified.class);
		this.issuerKeys.activate(this.issuerKeys.generateKey());
		this.clock.advance(Duration.ofSeconds(31));
		assertThat(reason(verify(reportToken()))).isEqualTo(Reason.KEYS_UNAVAILABLE);
		assertThat(this.server.requests()).isEqualTo(3);
	}

	@Test
	void cachedKeysStopBeingTrustedAfterTheirExpiryEvenWhileTheIssuerIsUnreachable() {
		String token = reportToken();
		assertThat(verify(token)).isInstanceOf(Verified.class);
		this.server.respondWith(503);
		this.clock.advance(Duration.ofMinutes(59));
		assertThat(verify(token)).isInstanceOf(Verified.class);

		this.clock.advance(Duration.ofMinutes(2));
		assertThat(reason(verify(token))).isEqualTo(Reason.KEYS_UNAVAILABLE);
		// Back, the issuer is trusted again.
		this.server.respondWith(200);
		this.clock.advance(Duration.ofSeconds(31));
		assertThat(verify(token)).isInstanceOf(Verified.class);
	}

	@Test
	void aKeyIsFoundAsAJsonWebKeyUnderTheSameRules() {
		RemoteJwks jwks = remote(Duration.ofSeconds(5));
		String kid = this.issuerKeys.activeKeyId();
		assertThat(jwks.findJwkJson(kid).block(Duration.ofSeconds(5))).contains("\"kid\":\"" + kid + "\"")
			.doesNotContain("\"d\"");
		assertThat(jwks.findJwkJson("no-such-kid").blockOptional(Duration.ofSeconds(5))).isEmpty();
		this.server.close();
		RemoteJwks unreachable = remote(Duration.ofSeconds(5));
		assertThatIllegalStateException().isThrownBy(() -> unreachable.findJwkJson(kid).block(Duration.ofSeconds(5)));
	}

	@Test
	void anExpiryShorterThanTheMaximumAgeIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> RemoteJwks.builder(this.server.uri())
			.maxAge(Duration.ofMinutes(10))
			.expireAfter(Duration.ofMinutes(5))
			.build());
	}

	private RemoteJwks remote(Duration timeout) {
		return RemoteJwks.builder(this.server.uri())
			.refetchInterval(Duration.ofSeconds(30))
			.maxAge(Duration.ofMinutes(10))
			.timeout(timeout)
			.clock(this.clock)
			.build();
	}

	private TokenVerifier verifierFor(RemoteJwks jwks) {
		return TokenVerifier.builder().remoteKeys("serverlist", jwks).clock(this.clock).build();
	}

	private String reportToken() {
		return this.issuer.issue(TokenKind.REPORT, TestTokens.report()).compact();
	}

	private VerificationResult<ReportClaims> verify(String token) {
		return await(this.verifier.verify(token, TokenKind.REPORT));
	}

	private static Reason reason(VerificationResult<?> result) {
		assertThat(result).isInstanceOf(Rejected.class);
		return ((Rejected<?>) result).reason();
	}

}
