package dev.rivalry.serverlist.allocation;

import java.time.Duration;

import dev.rivalry.web.BearerTokens;
import dev.rivalry.serverlist.system.ServerlistProperties;
import dev.rivalry.tokens.AllocationClaims;
import dev.rivalry.tokens.IssuedToken;
import dev.rivalry.tokens.MatchClaims;
import dev.rivalry.tokens.Rejected;
import dev.rivalry.tokens.TokenIssuer;
import dev.rivalry.tokens.TokenKind;
import dev.rivalry.tokens.TokenVerifier;
import dev.rivalry.tokens.VerificationResult;
import dev.rivalry.tokens.autoconfigure.TokenProperties;
import dev.rivalry.tokens.Verified;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/allocations}: a player presents the match token from the matchmaker and
 * receives an allocation token for the match's server. Idempotent per match. A token that
 * does not verify is a 401 problem; keys that cannot be fetched are a 503 with
 * {@code Retry-After}; no fitting server is a 503 with {@code Retry-After}.
 */
@RestController
class AllocationController {

	private final TokenVerifier verifier;

	private final TokenIssuer issuer;

	private final Allocator allocator;

	private final AllocationMetrics metrics;

	private final Duration retryAfter;

	private final Duration keysRetryAfter;

	AllocationController(TokenVerifier verifier, TokenIssuer issuer, Allocator allocator, AllocationMetrics metrics,
			ServerlistProperties properties, TokenProperties tokens) {
		this.verifier = verifier;
		this.issuer = issuer;
		this.allocator = allocator;
		this.metrics = metrics;
		this.retryAfter = properties.allocation().retryAfter();
		// The verifier fetches the keys again at most once per refetch interval: retrying sooner is pointless.
		Duration refetch = tokens.remote().refetchInterval();
		this.keysRetryAfter = (refetch.compareTo(Duration.ofSeconds(1)) > 0) ? refetch : Duration.ofSeconds(1);
	}

	@PostMapping("/v1/allocations")
	Mono<AllocationView> allocate(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		String token = BearerTokens.of(authorization).orElse(null);
		if (token == null) {
			return Mono.error(new AllocationProblems.InvalidToken());
		}
		return this.verifier.verify(token, TokenKind.MATCH).flatMap(this::claimsOrRefusal).flatMap(this::allocate);
	}

	private Mono<MatchClaims> claimsOrRefusal(VerificationResult<MatchClaims> result) {
		if (result instanceof Rejected<MatchClaims> rejected) {
			return Mono.error((rejected.reason() == Rejected.Reason.KEYS_UNAVAILABLE)
					? new AllocationProblems.KeysUnavailable(this.keysRetryAfter)
					: new AllocationProblems.InvalidToken());
		}
		return Mono.just(((Verified<MatchClaims>) result).claims());
	}

	private Mono<AllocationView> allocate(MatchClaims claims) {
		Timer.Sample sample = this.metrics.start();
		return this.allocator.allocate(claims)
			.doOnError(AllocationProblems.UnsupportedConfig.class,
					(ex) -> this.metrics.record(sample, "unsupported-config"))
			.doOnNext((outcome) -> this.metrics.record(sample, outcome.tag()))
			.flatMap((outcome) -> respond(claims, outcome));
	}

	private Mono<AllocationView> respond(MatchClaims claims, AllocationOutcome outcome) {
		if (outcome instanceof AllocationOutcome.Allocated allocated) {
			IssuedToken token = this.issuer.issue(TokenKind.ALLOCATION,
					AllocationClaims.of(claims, allocated.serverId(), allocated.conn()));
			return Mono.just(new AllocationView(allocated.matchId(), token.compact(), allocated.conn(), token.expiresAt()));
		}
		if (outcome instanceof AllocationOutcome.MatchEnded ended) {
			return Mono.error(new AllocationProblems.MatchEnded(ended.matchId()));
		}
		return Mono.error(new AllocationProblems.NoCapacity(((AllocationOutcome.NoCapacity) outcome).request(),
				this.retryAfter));
	}

}
