package dev.rivalry.limits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Rate limits that hold across every instance: one Bucket4j token bucket per limit and key
 * (a player, a client address, …), kept in Redis under
 * {@code <prefix>limits:<limit>:<rate>:<key>} (e.g. {@code rivalry:limits:creates-per-player:20/1m:alice})
 * and changed by compare-and-swap, so instances never need to talk to each other. A bucket's
 * key expires once the bucket would be full again. The rate is part of the key because a
 * bucket keeps the configuration it was made with: a changed rate starts new, full buckets
 * at once instead of waiting for the old ones to expire.
 * <p>
 * Nothing blocks: Bucket4j's asynchronous API on Lettuce's asynchronous commands, and each
 * answer is handed to Reactor's parallel threads, so the work that follows a check (verifying
 * a token, reading a ticket) never holds Lettuce's I/O thread.
 * <p>
 * A hot key (one address behind which many players call, a load generator) would make
 * concurrent compare-and-swaps fail and retry each other: each instance keeps the bucket
 * proxies of the keys in use, with Bucket4j's batching, so concurrent checks of one key on
 * one instance go to Redis as one operation.
 * <p>
 * A store that fails or does not answer within the request timeout lets the request through
 * (counted on {@code rivalry.limits.unchecked} and logged): the limits protect the service,
 * they must not become its outage. The instances' clocks drive the refill, so they should
 * be in sync (NTP), as for the tokens' expiry. Thread safe.
 */
public final class RateLimiter implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RateLimiter.class);

	/** Lettuce keys as strings, Bucket4j's state as bytes. */
	private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

	/** Keys longer than this (a back end's client id is whatever its token says) are hashed. */
	private static final int MAX_KEY = 128;

	/** Bucket proxies kept at most; a proxy is a few small objects. */
	private static final int MAX_PROXIES = 100_000;

	private final AsyncProxyManager<String> buckets;

	private final String keyPrefix;

	private final LimitMetrics metrics;

	private final AutoCloseable connection;

	private final Map<Rate, BucketConfiguration> configurations = new ConcurrentHashMap<>();

	private final Cache<String, AsyncBucketProxy> proxies = Caffeine.newBuilder()
		.maximumSize(MAX_PROXIES)
		.expireAfterAccess(Duration.ofMinutes(1))
		.build();

	private RateLimiter(AsyncProxyManager<String> buckets, String keyPrefix, LimitMetrics metrics,
			AutoCloseable connection) {
		this.buckets = buckets;
		this.keyPrefix = keyPrefix;
		this.metrics = metrics;
		this.connection = connection;
	}

	/**
	 * Opens the limiter's own connection on the service's Lettuce client (the one Spring Data
	 * Redis's connection factory made, with its address, credentials and options): a single
	 * server, Sentinel or a cluster. Blocks while connecting: call it at start-up.
	 * @param client the service's Lettuce client
	 * @param keyPrefix the service's Redis key prefix ({@code rivalry.redis.key-prefix})
	 * @param requestTimeout how long a check may wait for Redis before the request is let through
	 * @param metrics where refusals are counted
	 * @return the limiter; close it to close its connection
	 */
	public static RateLimiter connect(AbstractRedisClient client, String keyPrefix, Duration requestTimeout,
			LimitMetrics metrics) {
		Bucket4jLettuce.LettuceBasedProxyManagerBuilder<String> builder;
		StatefulConnection<String, byte[]> connection;
		if (client instanceof RedisClusterClient cluster) {
			StatefulRedisClusterConnection<String, byte[]> clustered = cluster.connect(CODEC);
			builder = Bucket4jLettuce.casBasedBuilder(clustered);
			connection = clustered;
		}
		else if (client instanceof RedisClient single) {
			StatefulRedisConnection<String, byte[]> one = single.connect(CODEC);
			builder = Bucket4jLettuce.casBasedBuilder(one);
			connection = one;
		}
		else {
			throw new IllegalArgumentException("Not a Lettuce client the limits can use: " + client);
		}
		AsyncProxyManager<String> buckets = builder
			// A bucket that would be full again is the same as no bucket: its key goes.
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(1)))
			.requestTimeout(requestTimeout)
			.build()
			.asAsync();
		return new RateLimiter(buckets, keyPrefix, metrics, connection::close);
	}

	/**
	 * Takes one request from the key's bucket.
	 * @param limit the limit
	 * @param key whom it counts (a player id, a client address)
	 * @return {@link Verdict#ALLOWED} when a request was left, else the refusal with the time
	 * until the next one
	 */
	public Mono<Verdict> take(Limit limit, String key) {
		return ask(limit, () -> bucket(limit, key).tryConsumeAndReturnRemaining(1)
			.thenApply((probe) -> probe.isConsumed() ? Verdict.ALLOWED : refused(limit, probe.getNanosToWaitForRefill())));
	}

	/**
	 * Looks whether the key's bucket has a request left, without taking it: for limits on
	 * failures, checked before the work and {@linkplain #spend spent} only when it fails.
	 * @param limit the limit
	 * @param key whom it counts
	 * @return {@link Verdict#ALLOWED} when a request is left, else the refusal
	 */
	public Mono<Verdict> peek(Limit limit, String key) {
		return ask(limit, () -> bucket(limit, key).estimateAbilityToConsume(1)
			.thenApply((probe) -> probe.canBeConsumed() ? Verdict.ALLOWED : refused(limit, probe.getNanosToWaitForRefill())));
	}

	/**
	 * Takes one request from the key's bucket if one is left, whatever the outcome: a
	 * failure that has already been answered.
	 * @param limit the limit
	 * @param key whom it counts
	 * @return completes once recorded (or once the store failed: logged, not signalled)
	 */
	public Mono<Void> spend(Limit limit, String key) {
		return ask(limit, () -> bucket(limit, key).tryConsume(1).thenApply((taken) -> Verdict.ALLOWED)).then();
	}

	private AsyncBucketProxy bucket(Limit limit, String key) {
		String redisKey = this.keyPrefix + "limits:" + limit.name() + ":" + limit.rate() + ":" + bounded(key);
		return this.proxies.get(redisKey, (name) -> {
			BucketConfiguration configuration = this.configurations.computeIfAbsent(limit.rate(),
					RateLimiter::configuration);
			return this.buckets.builder()
				.withOptimization(Optimizations.batching())
				.build(name, () -> CompletableFuture.completedFuture(configuration));
		});
	}

	/**
	 * One policy for every check: the answer is handed off Lettuce's I/O thread, and a store
	 * that fails lets the request through, because a limit must not turn a Redis hiccup into
	 * refused players.
	 */
	private Mono<Verdict> ask(Limit limit, Supplier<CompletableFuture<Verdict>> question) {
		return Mono.fromFuture(question, true).publishOn(Schedulers.parallel()).onErrorResume((ex) -> {
			this.metrics.unchecked(limit.name());
			logger.warn("Limit {} not checked, request let through: {}", limit.name(), ex.toString());
			return Mono.just(Verdict.ALLOWED);
		});
	}

	private Verdict refused(Limit limit, long nanosToWait) {
		this.metrics.refused(limit.name());
		return new Verdict.Refused(new RateLimited(limit.name(), Duration.ofNanos(nanosToWait)));
	}

	private static BucketConfiguration configuration(Rate rate) {
		return BucketConfiguration.builder()
			.addLimit((bandwidth) -> bandwidth.capacity(rate.capacity()).refillGreedy(rate.capacity(), rate.period()))
			.build();
	}

	private static String bounded(String key) {
		if (key.length() <= MAX_KEY) {
			return key;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return "sha256-" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

	@Override
	public void close() throws Exception {
		this.connection.close();
	}

}
