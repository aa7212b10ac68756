package dev.rivalry.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import dev.rivalry.tokens.Rejected.Reason;

/**
 * Verifies tokens of a given {@link TokenKind}, answering a {@link VerificationResult}.
 *
 * <p>Checks, in order, each failing with its own {@link Reason}: structure, a signature
 * with an allowed asymmetric algorithm (never {@code none} or HMAC), the kind's
 * {@code typ}, a known {@code kid}, the signature, {@code iss}, {@code aud}, {@code exp}
 * and {@code iat}/{@code nbf} (with the clock skew), then the kind's required claims.
 *
 * <p>Keys of an issuer with a {@link RemoteJwks} come from there; keys of any other issuer
 * from the local {@link SigningKeys}. The returned {@code Mono} emits exactly one result and
 * never an error: when keys cannot be had the token is rejected ({@link Reason#KEYS_UNAVAILABLE}).
 * The token text never appears in a result or a log line. Thread-safe; build with
 * {@link #builder()}.
 */
public final class TokenVerifier {

	private static final Logger logger = LoggerFactory.getLogger(TokenVerifier.class);

	private static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384,
			JWSAlgorithm.ES512, JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256,
			JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);

	private final PartyNames names;

	private final KeySource localKeys;

	private final Map<String, KeySource> remoteKeys;

	private final Set<JWSAlgorithm> allowedAlgorithms;

	private final Duration clockSkew;

	private final Clock clock;

	private final VerificationListener listener;

	private TokenVerifier(Builder builder) {
		this.names = builder.names;
		SigningKeys local = builder.localKeys;
		this.localKeys = (local != null) ? (kid) -> Mono.fromSupplier(() -> local.find(kid)) : null;
		this.remoteKeys = Map.copyOf(builder.remoteKeys);
		this.allowedAlgorithms = Set.copyOf(builder.allowedAlgorithms);
		this.clockSkew = builder.clockSkew;
		this.clock = builder.clock;
		this.listener = builder.listener;
	}

	/** @return a builder: default names, ES256 only, 30 s clock skew, UTC system clock */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Verifies a token whose audience is a fixed party (match, report, server).
	 * @param <C> the claims type
	 * @param compact the compact JWS, e.g. from an {@code Authorization: Bearer} header; may be
	 * {@code null} (rejected as malformed)
	 * @param kind the kind the token must be
	 * @return the result
	 * @throws IllegalArgumentException if the kind has no fixed audience (allocation tokens)
	 */
	public <C> Mono<VerificationResult<C>> verify(String compact, TokenKind<C> kind) {
		return verify(compact, kind, null);
	}

	/**
	 * Verifies a token for an explicit audience: a game server verifies allocation tokens
	 * with its own id.
	 * @param <C> the claims type
	 * @param compact the compact JWS; may be {@code null} (rejected as malformed)
	 * @param kind the kind the token must be
	 * @param expectedAudience the audience the token must name, or {@code null} for the
	 * kind's fixed audience
	 * @return the result
	 * @throws IllegalArgumentException if there is no audience to expect
	 */
	public <C> Mono<VerificationResult<C>> verify(String compact, TokenKind<C> kind, String expectedAudience) {
		Objects.requireNonNull(kind, "kind must not be null");
		String audience = (expectedAudience != null) ? expectedAudience
				: kind.audience().map(this.names::nameOf).orElseThrow(() -> new IllegalArgumentException(
						kind + " tokens have no fixed audience; pass the expected audience (the server's id)"));
		String issuer = this.names.nameOf(kind.issuer());
		return Mono.defer(() -> verifyStructureThenKey(compact, kind, issuer, audience))
			.doOnNext((result) -> report(kind, result));
	}

	private <C> Mono<VerificationResult<C>> verifyStructureThenKey(String compact, TokenKind<C> kind, String issuer,
			String audience) {
		CompactJws jws;
		try {
			jws = CompactJws.parse(compact, kind, this.allowedAlgorithms);
		}
		catch (Rejection ex) {
			return Mono.just(ex.toResult());
		}
		return keysOf(issuer).find(jws.kid())
			.map((lookup) -> verifySigned(jws, lookup, kind, issuer, audience))
			// The one error policy of this boundary: whatever went wrong finding keys, fail closed.
			.onErrorResume((ex) -> Mono.just(new Rejected<>(Reason.KEYS_UNAVAILABLE,
					"looking up the key failed: " + ex.getClass().getSimpleName())));
	}

	private KeySource keysOf(String issuer) {
		KeySource remote = this.remoteKeys.get(issuer);
		if (remote != null) {
			return remote;
		}
		if (this.localKeys != null) {
			return this.localKeys;
		}
		return (kid) -> Mono.just(new KeyLookup.Unavailable("no key source for issuer " + Rejection.quote(issuer)));
	}

	private <C> VerificationResult<C> verifySigned(CompactJws jws, KeyLookup lookup, TokenKind<C> kind,
			String issuer, String audience) {
		try {
			VerifyingKey key = checkSignature(jws, lookup);
			ClaimReader claims = payload(jws);
			TokenMetadata metadata = checkRegisteredClaims(claims, issuer, audience, key);
			return new Verified<>(readClaims(kind, claims, audience), metadata);
		}
		catch (Rejection ex) {
			return ex.toResult();
		}
	}

	private VerifyingKey checkSignature(CompactJws jws, KeyLookup lookup) {
		if (lookup instanceof KeyLookup.Unknown unknown) {
			throw new Rejection(Reason.UNKNOWN_KEY, unknown.detail());
		}
		if (lookup instanceof KeyLookup.Unavailable unavailable) {
			throw new Rejection(Reason.KEYS_UNAVAILABLE, unavailable.detail());
		}
		VerifyingKey key = ((KeyLookup.Found) lookup).key();
		if (!key.fits(jws.algorithm())) {
			throw new Rejection(Reason.ALGORITHM_NOT_ALLOWED,
					"alg " + jws.algorithm() + " does not fit key " + Rejection.quote(key.kid()));
		}
		try {
			if (!jws.jws().verify(key.verifier())) {
				throw new Rejection(Reason.BAD_SIGNATURE, "the signature does not match key " + Rejection.quote(key.kid()));
			}
		}
		catch (JOSEException ex) {
			throw new Rejection(Reason.BAD_SIGNATURE, "the signature cannot be checked with key " + Rejection.quote(key.kid()));
		}
		return key;
	}

	private static ClaimReader payload(CompactJws jws) {
		Map<String, Object> json = jws.jws().getPayload().toJSONObject();
		if (json == null) {
			throw new Rejection(Reason.MALFORMED, "the payload is not a JSON object");
		}
		return new ClaimReader(json);
	}

	private TokenMetadata checkRegisteredClaims(ClaimReader claims, String issuer, String audience, VerifyingKey key) {
		String iss = claims.text("iss");
		if (!issuer.equals(iss)) {
			throw new Rejection(Reason.WRONG_ISSUER, "iss " + Rejection.quote(iss) + " is not " + Rejection.quote(issuer));
		}
		List<String> aud = claims.audience();
		if (!aud.contains(audience)) {
			throw new Rejection(Reason.WRONG_AUDIENCE, "aud " + Rejection.quote(aud) + " does not contain "
					+ Rejection.quote(audience));
		}
		Instant now = this.clock.instant();
		Instant expiresAt = claims.time("exp");
		if (!now.isBefore(expiresAt.plus(this.clockSkew))) {
			throw new Rejection(Reason.EXPIRED, "expired at " + expiresAt);
		}
		Instant issuedAt = claims.time("iat");
		Instant notBefore = claims.optionalTime("nbf");
		Instant latestAllowed = now.plus(this.clockSkew);
		if (issuedAt.isAfter(latestAllowed) || (notBefore != null && notBefore.isAfter(latestAllowed))) {
			throw new Rejection(Reason.NOT_YET_VALID, "issued at " + issuedAt
					+ ((notBefore != null) ? ", not before " + notBefore : "") + ", now is " + now);
		}
		return new TokenMetadata(claims.text("jti"), issuedAt, expiresAt, key.kid());
	}

	private static <C> C readClaims(TokenKind<C> kind, ClaimReader claims, String audience) {
		String subject = claims.text("sub");
		try {
			return kind.codec().read(subject, audience, claims);
		}
		catch (IllegalArgumentException ex) {
			// The records' messages name the offending field, never its value.
			throw new Rejection(Reason.MALFORMED, ex.getMessage());
		}
	}

	private void report(TokenKind<?> kind, VerificationResult<?> result) {
		if (result instanceof Rejected<?> rejected) {
			logger.debug("Rejected {} token: {} ({})", kind, rejected.reason(), rejected.detail());
			this.listener.rejected(kind, rejected.reason());
		}
		else {
			this.listener.verified(kind);
		}
	}

	/** Builds a {@link TokenVerifier}; not thread-safe. */
	public static final class Builder {

		private PartyNames names = PartyNames.defaults();

		private SigningKeys localKeys;

		private final Map<String, KeySource> remoteKeys = new LinkedHashMap<>();

		private Set<JWSAlgorithm> allowedAlgorithms = Set.of(JWSAlgorithm.ES256);

		private Duration clockSkew = Duration.ofSeconds(30);

		private Clock clock = Clock.systemUTC();

		private VerificationListener listener = VerificationListener.none();

		private Builder() {
		}

		/** @param names the parties' names; tokens must carry them in {@code iss} and {@code aud} */
		public Builder names(PartyNames names) {
			this.names = Objects.requireNonNull(names, "names must not be null");
			return this;
		}

		/** @param keys this service's own keys; they verify every issuer without a remote JWKS */
		public Builder localKeys(SigningKeys keys) {
			this.localKeys = keys;
			return this;
		}

		/**
		 * @param issuer an issuer's name, as in {@code iss}
		 * @param jwks where that issuer publishes its keys
		 */
		public Builder remoteKeys(String issuer, RemoteJwks jwks) {
			Preconditions.text(issuer, "issuer");
			Objects.requireNonNull(jwks, "jwks must not be null");
			this.remoteKeys.put(issuer, jwks::find);
			return this;
		}

		/**
		 * @param algorithms JWS algorithm names, asymmetric only: ES256/384/512,
		 * RS256/384/512, PS256/384/512, EdDSA, Ed25519
		 */
		public Builder allowedAlgorithms(Collection<String> algorithms) {
			if (algorithms == null || algorithms.isEmpty()) {
				throw new IllegalArgumentException("at least one algorithm must be allowed");
			}
			this.allowedAlgorithms = algorithms.stream().map(Builder::asymmetric).collect(Collectors.toSet());
			return this;
		}

		/** @param skew how far the issuer's clock may be off, not negative */
		public Builder clockSkew(Duration skew) {
			if (skew == null || skew.isNegative()) {
				throw new IllegalArgumentException("clockSkew must not be negative");
			}
			this.clockSkew = skew;
			return this;
		}

		/** @param clock the clock that decides expiry */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock must not be null");
			return this;
		}

		/** @param listener told about every outcome, e.g. to count them */
		public Builder listener(VerificationListener listener) {
			this.listener = Objects.requireNonNull(listener, "listener must not be null");
			return this;
		}

		/**
		 * @return the verifier
		 * @throws IllegalStateException without local keys or any remote JWKS
		 */
		public TokenVerifier build() {
			if (this.localKeys == null && this.remoteKeys.isEmpty()) {
				throw new IllegalStateException("a verifier needs local keys or a remote JWKS");
			}
			return new TokenVerifier(this);
		}

		private static JWSAlgorithm asymmetric(String name) {
			JWSAlgorithm algorithm = JWSAlgorithm.parse(name);
			if (!ASYMMETRIC.contains(algorithm)) {
				throw new IllegalArgumentException(name + " is not an asymmetric JWS algorithm this verifier supports");
			}
			return algorithm;
		}

	}

}
