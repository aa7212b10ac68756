package dev.rivalry.limits;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.rivalry.redis.LuaScripts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * {@link ConcurrencyLimit}s kept in Redis: one sorted set per limit and key
 * ({@code <prefix>limits:<limit>:<key>}) whose members are the holders and whose scores are
 * the times their leases run out, by Redis's own clock. Taking a place first drops the
 * leases that ran out, so a place held by a crashed instance comes free after one lease
 * time without anyone cleaning up; the set itself expires with its last lease. Each step is
 * one script on one key. Thread safe.
 */
public final class Leases {

	private static final Logger logger = LoggerFactory.getLogger(Leases.class);

	/** 0 when the place is taken; else the milliseconds until the first lease runs out. */
	private static final RedisScript<Long> TAKE = LuaScripts.of("""
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
			redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
			if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then
			  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
			  return math.max(1, tonumber(first[2]) - now)
			end
			redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
			redis.call('PEXPIRE', KEYS[1], ARGV[2])
			return 0
			""", Long.class);

	/** Renews a lease still held; one that ran out (and may have been taken) is not brought back. */
	private static final RedisScript<Long> RENEW = LuaScripts.of("""
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
			if redis.call('ZADD', KEYS[1], 'XX', 'CH', now + tonumber(ARGV[1]), ARGV[2]) == 0 then
			  return 0
			end
			if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then
			  redis.call('PEXPIRE', KEYS[1], ARGV[1])
			end
			return 1
			""", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final String keyPrefix;

	private final LimitMetrics metrics;

	/**
	 * @param redis the service's Redis
	 * @param keyPrefix the service's Redis key prefix ({@code rivalry.redis.key-prefix})
	 * @param metrics where refusals are counted
	 */
	public Leases(ReactiveStringRedisTemplate redis, String keyPrefix, LimitMetrics metrics) {
		this.redis = redis;
		this.keyPrefix = keyPrefix;
		this.metrics = metrics;
	}

	/**
	 * Runs the work while holding one of the key's places: taken on subscription, renewed
	 * while the work runs, given back when it completes, fails or is cancelled.
	 * @param limit the cap
	 * @param key what is capped (e.g. a ticket id)
	 * @param work what holds the place
	 * @param <T> its elements
	 * @return the work, or a {@link RateLimited} error, before any element, when every place is
	 * taken; a store that fails lets the work run uncounted (logged)
	 */
	public <T> Flux<T> hold(ConcurrencyLimit limit, String key, Flux<T> work) {
		return Flux.usingWhen(take(limit, key).map((lease) -> lease.renewing(limit.lease())), (lease) -> work,
				Lease::release, (lease, ex) -> lease.release(), Lease::release);
	}

	/** Takes a place, without renewing it: {@link #hold} renews. */
	Mono<Lease> take(ConcurrencyLimit limit, String key) {
		Lease lease = new Lease(this.keyPrefix + "limits:" + limit.name() + ":" + key, UUID.randomUUID().toString());
		return this.redis
			.execute(TAKE, List.of(lease.key), List.of(Integer.toString(limit.max()),
					Long.toString(limit.lease().toMillis()), lease.holder))
			.next()
			.flatMap((wait) -> (wait == 0) ? Mono.just(lease) : refused(limit, wait))
			// One policy with the rate limits: a store that fails must not refuse the caller.
			.onErrorResume((ex) -> !(ex instanceof RateLimited), (ex) -> {
				this.metrics.unchecked(limit.name());
				logger.warn("Limit {} not checked, holder let in uncounted: {}", limit.name(), ex.toString());
				return Mono.just(new Lease(null, null));
			});
	}

	private Mono<Lease> refused(ConcurrencyLimit limit, long waitMillis) {
		this.metrics.refused(limit.name());
		return Mono.error(new RateLimited(limit.name(), Duration.ofMillis(waitMillis)));
	}

	/** One holder's place; with no key, a holder let in uncounted. */
	final class Lease {

		private final String key;

		private final String holder;

		private final Disposable.Swap renewal = Disposables.swap();

		private Lease(String key, String holder) {
			this.key = key;
			this.holder = holder;
		}

		Lease renewing(Duration lease) {
			if (this.key == null) {
				return this;
			}
			this.renewal.update(Flux.interval(lease.dividedBy(3), lease.dividedBy(3), Schedulers.parallel())
				.concatMap((tick) -> renew(lease))
				.subscribe());
			return this;
		}

		private Mono<Long> renew(Duration lease) {
			return Leases.this.redis
				.execute(RENEW, List.of(this.key), List.of(Long.toString(lease.toMillis()), this.holder))
				.next()
				.onErrorResume((ex) -> {
					logger.warn("Lease {} not renewed: {}", this.key, ex.toString());
					return Mono.empty();
				});
		}

		Mono<Void> release() {
			this.renewal.update(null);
			if (this.key == null) {
				return Mono.empty();
			}
			return Leases.this.redis.opsForZSet()
				.remove(this.key, this.holder)
				.onErrorResume((ex) -> {
					logger.warn("Lease {} not given back; it runs out by itself: {}", this.key, ex.toString());
					return Mono.empty();
				})
				.then();
		}

	}

}
