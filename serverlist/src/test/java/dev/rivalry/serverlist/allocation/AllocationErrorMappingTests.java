package dev.rivalry.serverlist.allocation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.rivalry.serverlist.system.ServerlistProperties;
import dev.rivalry.tokens.MatchClaims;
import dev.rivalry.tokens.Participant;
import dev.rivalry.tokens.Rejected;
import dev.rivalry.tokens.TokenIssuer;
import dev.rivalry.tokens.TokenKind;
import dev.rivalry.tokens.TokenMetadata;
import dev.rivalry.tokens.TokenVerifier;
import dev.rivalry.tokens.VerificationResult;
import dev.rivalry.tokens.Verified;
import dev.rivalry.tokens.autoconfigure.TokenProperties;
import dev.rivalry.web.ProblemHandlingAutoConfiguration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.rivalry.testsupport.http.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/**
 * How {@code POST /v1/allocations} refuses, as a {@code @WebFluxTest} slice: no Redis, the token
 * verifier and the allocator mocked. A missing or rejected match token is one generic {@code 401
 * invalid-token} (the reason is never told), keys that cannot be fetched a {@code 503
 * keys-unavailable} and no fitting server a {@code 503 no-capacity}, each with the
 * {@code Retry-After} its setting gives (docs/serverlist.md).
 */
@WebFluxTest(AllocationController.class)
@ImportAutoConfiguration(ProblemHandlingAutoConfiguration.class)
@Import(AllocationErrorMappingTests.Settings.class)
@TestPropertySource(properties = { "rivalry.serverlist.allocation.retry-after=4s",
		"rivalry.tokens.remote.refetch-interval=9s" })
class AllocationErrorMappingTests {

	@Autowired
	WebTestClient client;

	@MockitoBean
	TokenVerifier verifier;

	@MockitoBean
	TokenIssuer issuer;

	@MockitoBean
	Allocator allocator;

	@MockitoBean
	AllocationMetrics metrics;

	@Test
	void noMatchTokenIsA401InvalidTokenWithABearerChallenge() {
		WebTestClient.ResponseSpec response = this.client.post().uri("/v1/allocations").exchange();
		expectProblem(response.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"serverlist\", error=\"invalid_token\""), 401,
				"invalid-token");
	}

	@Test
	void anExpiredMatchTokenIsTheSameGeneric401ThatDoesNotSayWhy() {
		given(this.verifier.verify("expired", TokenKind.MATCH))
			.willReturn(Mono.just(new Rejected<>(Rejected.Reason.EXPIRED, "expired a minute ago")));

		expectProblem(allocate("expired"), 401, "invalid-token")
			.jsonPath("$.detail").value(String.class, (detail) -> assertThat(detail).doesNotContainIgnoringCase("expired"));
	}

	/** Asking again sooner than the verifier fetches the keys again is pointless: that interval is the wait. */
	@Test
	void keysThatCannotBeFetchedAreA503KeysUnavailableRetriedAfterTheRefetchInterval() {
		given(this.verifier.verify("unverifiable", TokenKind.MATCH))
			.willReturn(Mono.just(new Rejected<>(Rejected.Reason.KEYS_UNAVAILABLE, "JWKS unreachable")));

		expectProblem(allocate("unverifiable").expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "9"), 503,
				"keys-unavailable");
	}

	@Test
	void noFittingServerIsA503NoCapacityNamingTheMatchWithTheConfiguredRetryAfter() {
		MatchClaims claims = new MatchClaims("ann", "m-1", "duel", Map.of("region", "eu"),
				List.of(new Participant("ann", 0), new Participant("bob", 1)), "arena", false);
		VerificationResult<MatchClaims> verified = new Verified<>(claims,
				new TokenMetadata("jti-1", Instant.now(), Instant.now().plusSeconds(60), "kid-1"));
		given(this.verifier.verify("valid", TokenKind.MATCH)).willReturn(Mono.just(verified));
		given(this.allocator.allocate(any())).willReturn(Mono.just(new AllocationOutcome.NoCapacity(
				new AllocationRequest("m-1", "arena", "eu", Map.of(), Set.of()))));

		expectProblem(allocate("valid").expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "4"), 503, "no-capacity")
			.jsonPath("$.matchId").isEqualTo("m-1")
			.jsonPath("$.region").isEqualTo("eu");
	}

	private WebTestClient.ResponseSpec allocate(String matchToken) {
		return this.client.post()
			.uri("/v1/allocations")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + matchToken)
			.exchange();
	}

	/** The controller reads its {@code Retry-After}s from the settings, bound here as in the service. */
	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ ServerlistProperties.class, TokenProperties.class })
	static class Settings {

	}

}
