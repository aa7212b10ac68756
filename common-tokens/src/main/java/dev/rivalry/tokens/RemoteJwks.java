package dev.rivalry.tokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Another issuer's public keys, fetched from its JWKS URL without blocking
 * ({@link HttpClient#sendAsync}) and cached.
 *
 * <ul>
 * <li>A {@code kid} not in the cache triggers a refetch, since the issuer may have rotated.</li>
 * <li>Refetches are rate-limited: at most one per {@code refetchInterval}, whatever the
 * reason; concurrent callers share the fetch in flight. An unknown {@code kid} within the
 * interval is simply unknown, so forged kids cannot hammer the issuer.</li>
 * <li>Keys older than {@code maxAge} are refetched on next use, so retired keys disappear;
 * if that fetch fails the old keys keep serving, but never past {@code expireAfter} since
 * they were fetched: an issuer unreachable for that long is no longer trusted, so a key it
 * retired (perhaps because it leaked) cannot be used forever by whoever cut it off.</li>
 * <li>Fails closed: with no keys to answer from (never fetched, or a refetch failed for an
 * unknown {@code kid}) the lookup is unavailable and the token is rejected.</li>
 * </ul>
 *
 * <p>Thread-safe. Build with {@link #builder(URI)}.
 */
public final class RemoteJwks {

	private static final Logger logger = LoggerFactory.getLogger(RemoteJwks.class);

	private final URI uri;

	private final Duration refetchInterval;

	private final Duration maxAge;

	private final Duration expireAfter;

	private final Duration timeout;

	private final HttpClient client;

	private final Clock clock;

	private volatile CachedKeys cached;

	private Instant lastAttempt;

	private CompletableFuture<CachedKeys> inFlight;

	private RemoteJwks(Builder builder) {
		this.uri = builder.uri;
		this.refetchInterval = builder.refetchInterval;
		this.maxAge = builder.maxAge;
		this.expireAfter = builder.expireAfter;
		if (this.expireAfter.compareTo(this.maxAge) < 0) {
			throw new IllegalArgumentException("expireAfter must not be shorter than maxAge");
		}
		this.timeout = builder.timeout;
		this.client = (builder.client != null) ? builder.client
				: HttpClient.newBuilder().connectTimeout(builder.timeout).build();
		this.clock = builder.clock;
	}

	/**
	 * @param uri the issuer's JWKS URL, {@code http} or {@code https}
	 * @return a builder with a 30 s refetch interval, 10 min maximum age, 1 h expiry and 5 s timeout
	 */
	public static Builder builder(URI uri) {
		return new Builder(uri);
	}

	/** @return the JWKS URL */
	public URI uri() {
		return this.uri;
	}

	/**
	 * The public key with this id, as a JSON Web Key (for verifiers built on another JOSE
	 * stack, e.g. Spring Security's resource server), under the same caching, refetching and
	 * expiry rules as the keys this module verifies with.
	 * @param kid the key id from a token's header
	 * @return the JWK's JSON; empty when the issuer has no such key; an
	 * {@link IllegalStateException} when the keys cannot be had (fail closed)
	 */
	public Mono<String> findJwkJson(String kid) {
		return find(kid).flatMap((lookup) -> {
			if (lookup instanceof KeyLookup.Found found) {
				return Mono.just(found.key().publicJwk().toJSONString());
			}
			if (lookup instanceof KeyLookup.Unavailable unavailable) {
				return Mono.error(new IllegalStateException(unavailable.detail()));
			}
			return Mono.empty();
		});
	}

	Mono<KeyLookup> find(String kid) {
		return Mono.defer(() -> {
			CachedKeys cached = usable(this.cached);
			if (cached != null && !isStale(cached) && cached.keys().containsKey(kid)) {
				return Mono.just(new KeyLookup.Found(cached.keys().get(kid)));
			}
			CompletableFuture<CachedKeys> fetch = startFetch();
			if (fetch == null) {
				return Mono.just(fromCache(cached, kid));
			}
			return Mono.fromFuture(fetch, true)
				.map((keys) -> fromCache(keys, kid))
				// The one error policy of this boundary: keep serving a key we hold, else fail closed.
				.onErrorResume((ex) -> Mono.just(afterFailure(cached, kid)));
		});
	}

	/** @return the keys, or null once they are past {@code expireAfter}: never trusted again until refetched */
	private CachedKeys usable(CachedKeys cached) {
		return (cached != null && !this.clock.instant().isAfter(cached.fetchedAt().plus(this.expireAfter))) ? cached
				: null;
	}

	private boolean isStale(CachedKeys cached) {
		return this.clock.instant().isAfter(cached.fetchedAt().plus(this.maxAge));
	}

	/** @return the fetch to wait for, or {@code null} when rate-limited */
	private synchronized CompletableFuture<CachedKeys> startFetch() {
		if (this.inFlight != null) {
			return this.inFlight;
		}
		Instant now = this.clock.instant();
		if (this.lastAttempt != null && now.isBefore(this.lastAttempt.plus(this.refetchInterval))) {
			return null;
		}
		this.lastAttempt = now;
		CompletableFuture<CachedKeys> fetch = fetch();
		this.inFlight = fetch;
		// Attached after inFlight is set: a fetch that already failed must still clear it.
		fetch.whenComplete((keys, ex) -> fetched(fetch, keys, ex));
		return fetch;
	}

	private synchronized void fetched(CompletableFuture<CachedKeys> fetch, CachedKeys keys, Throwable ex) {
		if (this.inFlight == fetch) {
			this.inFlight = null;
		}
		if (keys != null) {
			this.cached = keys;
			logger.info("Fetched {} signing keys from {}", keys.keys().size(), this.uri);
		}
		else {
			Throwable cause = (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
			logger.warn("Fetching signing keys from {} failed: {}", this.uri, cause.toString());
		}
	}

	private CompletableFuture<CachedKeys> fetch() {
		HttpRequest request = HttpRequest.newBuilder(this.uri)
			.timeout(this.timeout)
			.header("Accept", "application/jwk-set+json, application/json")
			.GET()
			.build();
		try {
			// The request timeout covers the response headers only; orTimeout bounds the body too.
			return this.client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
				.orTimeout(this.timeout.toMillis(), TimeUnit.MILLISECONDS)
				.thenApply(this::parse);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private CachedKeys parse(HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			throw new IllegalStateException("HTTP status " + response.statusCode());
		}
		JWKSet set;
		try {
			set = JWKSet.parse(response.body());
		}
		catch (ParseException ex) {
			throw new IllegalStateException("the response is not a JWK set", ex);
		}
		Map<String, VerifyingKey> keys = new LinkedHashMap<>();
		for (JWK jwk : set.getKeys()) {
			// Only asymmetric signature keys with a kid can verify our tokens; skip the rest.
			if (jwk.getKeyID() == null || (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse()))) {
				continue;
			}
			try {
				keys.putIfAbsent(jwk.getKeyID(), KeyMaterial.verifying(jwk));
			}
			catch (IllegalArgumentException ex) {
				logger.debug("Skipping key {} from {}: {}", jwk.getKeyID(), this.uri, ex.getMessage());
			}
		}
		return new CachedKeys(Map.copyOf(keys), this.clock.instant());
	}

	private KeyLookup fromCache(CachedKeys keys, String kid) {
		if (keys == null) {
			return new KeyLookup.Unavailable("no keys fetched from " + this.uri + " yet; retrying at most every "
					+ this.refetchInterval.toSeconds() + "s");
		}
		VerifyingKey key = keys.keys().get(kid);
		return (key != null) ? new KeyLookup.Found(key)
				: new KeyLookup.Unknown("no key with kid " + Rejection.quote(kid) + " at " + this.uri);
	}

	private KeyLookup afterFailure(CachedKeys cached, String kid) {
		VerifyingKey key = (cached != null) ? cached.keys().get(kid) : null;
		return (key != null) ? new KeyLookup.Found(key)
				: new KeyLookup.Unavailable("fetching keys from " + this.uri + " failed");
	}

	private record CachedKeys(Map<String, VerifyingKey> keys, Instant fetchedAt) {
	}

	/** Builds a {@link RemoteJwks}; not thread-safe. */
	public static final class Builder {

		private final URI uri;

		private Duration refetchInterval = Duration.ofSeconds(30);

		private Duration maxAge = Duration.ofMinutes(10);

		private Duration expireAfter = Duration.ofHours(1);

		private Duration timeout = Duration.ofSeconds(5);

		private HttpClient client;

		private Clock clock = Clock.systemUTC();

		private Builder(URI uri) {
			Objects.requireNonNull(uri, "uri must not be null");
			if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
				throw new IllegalArgumentException("a JWKS URL must be http or https");
			}
			this.uri = uri;
		}

		/** @param interval the least time between two fetches, not negative */
		public Builder refetchInterval(Duration interval) {
			this.refetchInterval = notNegative(interval, "refetchInterval");
			return this;
		}

		/** @param maxAge how long fetched keys are used before they are fetched again, positive */
		public Builder maxAge(Duration maxAge) {
			this.maxAge = positive(maxAge, "maxAge");
			return this;
		}

		/**
		 * @param expireAfter how long after their fetch keys stop being trusted even when no
		 * refetch succeeds; positive, not shorter than {@code maxAge}
		 */
		public Builder expireAfter(Duration expireAfter) {
			this.expireAfter = positive(expireAfter, "expireAfter");
			return this;
		}

		/** @param timeout the bound on one fetch, positive */
		public Builder timeout(Duration timeout) {
			this.timeout = positive(timeout, "timeout");
			return this;
		}

		/** @param client the HTTP client to share, or {@code null} for a new one */
		public Builder httpClient(HttpClient client) {
			this.client = client;
			return this;
		}

		/** @param clock the clock for the refetch interval and maximum age */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock must not be null");
			return this;
		}

		public RemoteJwks build() {
			return new RemoteJwks(this);
		}

		private static Duration notNegative(Duration duration, String name) {
			if (duration == null || duration.isNegative()) {
				throw new IllegalArgumentException(name + " must not be negative");
			}
			return duration;
		}

		private static Duration positive(Duration duration, String name) {
			if (notNegative(duration, name).isZero()) {
				throw new IllegalArgumentException(name + " must be positive");
			}
			return duration;
		}

	}

}
