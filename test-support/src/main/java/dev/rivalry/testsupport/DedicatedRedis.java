package dev.rivalry.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A Redis owned by one test, for proving what happens when Redis goes away: {@link #stop()}
 * it, assert, {@link #start()} it again. It comes back on the same port, empty (it keeps
 * no data on disk). Made by {@link TestRedis#startDedicated()}; a {@code redis-server} from
 * the {@code PATH} or the embedded Redis, never a shared or external one.
 *
 * <p>Use it in try-with-resources or close it in {@code @AfterAll}; it is stopped at JVM
 * exit otherwise. Thread-safe; {@code stop} and {@code start} are idempotent.
 */
public final class DedicatedRedis implements AutoCloseable {

	private final LocalRedis redis;

	private final RedisEndpoint endpoint;

	DedicatedRedis(LocalRedis redis, String keyPrefix) {
		this.redis = redis;
		this.endpoint = RedisEndpoint.local(LocalRedis.HOST, redis.port(), keyPrefix, TestRedis.source(redis));
	}

	/** Where it listens; the same before and after a restart. */
	public RedisEndpoint endpoint() {
		return this.endpoint;
	}

	/** Registers this Redis's Spring properties, as {@link TestRedis#registerProperties} does for the shared one. */
	public void registerProperties(DynamicPropertyRegistry registry) {
		this.endpoint.registerProperties(registry);
	}

	/** Stops the server: connections are refused until {@link #start()}. */
	public void stop() {
		this.redis.stop();
	}

	/** Starts the server again on the same port and returns once it answers. */
	public void start() {
		this.redis.start();
	}

	public boolean isRunning() {
		return this.redis.isRunning();
	}

	@Override
	public void close() {
		stop();
	}

}
