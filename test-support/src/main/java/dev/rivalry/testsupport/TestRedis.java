package dev.rivalry.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisExecProvider;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real Redis of this test JVM, found or started on first use and stopped at exit.
 *
 * <p>Where it comes from, first match wins:
 * <ol>
 * <li>{@code -Drivalry.test.redis-url=…} or the environment variable {@code REDIS_URL}: that
 * server, never started or stopped here;</li>
 * <li>{@code -Drivalry.test.testcontainers=true} or {@code RIVALRY_TESTCONTAINERS=true}: a
 * {@code redis:7-alpine} container (opt-in only, never by detecting a Docker socket);</li>
 * <li>a {@code redis-server} on the {@code PATH}, started on a free loopback port;</li>
 * <li>the embedded Redis 7.0 of {@code org.signal:embedded-redis}, on a free loopback port.</li>
 * </ol>
 * One INFO line says which was chosen and why.
 *
 * <p>Every key a test writes must start with {@link RedisEndpoint#keyPrefix()} (or be made
 * with {@link RedisEndpoint#key(String)}); the prefix is unique per JVM, so runs sharing
 * one server do not see each other's keys. Never {@code FLUSHDB} a shared server.
 *
 * <p>In a Spring test: <pre>{@code
 * @DynamicPropertySource
 * static void redis(DynamicPropertyRegistry registry) {
 *     TestRedis.registerProperties(registry);
 * }
 * }</pre> or annotate the test class with {@link RealRedis @RealRedis}.
 *
 * <p>A test that must stop and restart its Redis (an outage) takes its own with
 * {@link #startDedicated()}. All methods are thread-safe.
 */
public final class TestRedis {

	private static final Logger logger = LoggerFactory.getLogger(TestRedis.class);

	private static final String KEY_PREFIX = "rivalry-test-" + UUID.randomUUID().toString().substring(0, 8) + ":";

	private static RedisEndpoint shared;

	private static RedisCluster cluster;

	private static RuntimeException failure;

	private TestRedis() {
	}

	/**
	 * The Redis shared by every test of this JVM, started on the first call.
	 * @return its endpoint, the same on every call
	 * @throws IllegalStateException if it cannot be found or started (then on every call)
	 */
	public static synchronized RedisEndpoint get() {
		if (shared == null && failure == null) {
			try {
				shared = startShared(RedisChoice.ofThisJvm());
			}
			catch (RuntimeException ex) {
				failure = new IllegalStateException("No Redis for tests: " + ex.getMessage(), ex);
			}
		}
		if (failure != null) {
			throw failure;
		}
		return shared;
	}

	/**
	 * Registers {@code spring.data.redis.url}, {@code .host}, {@code .port} and
	 * {@code rivalry.redis.key-prefix} of the shared Redis, which starts only when the
	 * application context reads them.
	 */
	public static void registerProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.url", () -> get().url());
		registry.add("spring.data.redis.host", () -> get().host());
		registry.add("spring.data.redis.port", () -> get().port());
		registry.add(RedisEndpoint.KEY_PREFIX_PROPERTY, () -> get().keyPrefix());
	}

	/**
	 * Starts a Redis of the caller's own, which it may stop and start again (same port, no
	 * data kept). It is a {@code redis-server} from the {@code PATH} if there is one, else the
	 * embedded Redis, whatever {@code REDIS_URL} or the Testcontainers switch say: those
	 * cannot be stopped by a test. Close it when done; it is stopped at JVM exit otherwise.
	 */
	public static DedicatedRedis startDedicated() {
		RedisChoice choice = RedisChoice.resolve((name) -> null, (name) -> null,
				Executables.find("redis-server", System.getenv("PATH")));
		return new DedicatedRedis(startLocal(choice), KEY_PREFIX);
	}

	/**
	 * A Redis Cluster of three primaries shared by the tests of this JVM that ask for one,
	 * started on first use from the {@code redis-server} on the {@code PATH} (Debian's
	 * {@code redis-server} package), and stopped at exit. Keys take the same prefix as the
	 * shared Redis's. Without a {@code redis-server} the calling test is skipped, saying so:
	 * neither the embedded Redis nor an external URL can be made a cluster here.
	 * @return the cluster, the same on every call
	 */
	public static synchronized RedisCluster cluster() {
		if (cluster == null) {
			long started = System.nanoTime();
			cluster = RedisCluster.start(clusterBinary(), 3, KEY_PREFIX);
			Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "rivalry-redis-cluster"));
			logger.info("Test Redis Cluster: three primaries at {}, key prefix {} ({} ms)", cluster.nodes(), KEY_PREFIX,
					(System.nanoTime() - started) / 1_000_000);
		}
		return cluster;
	}

	/**
	 * A {@code redis-server} on the {@code PATH}, or else the one embedded-redis ships (the
	 * same Redis 7.0, extracted to a temporary file), so that the cluster tests run on a
	 * machine with Java alone, as CI's.
	 */
	private static Path clusterBinary() {
		return Executables.find("redis-server", System.getenv("PATH")).orElseGet(() -> {
			try {
				return RedisExecProvider.defaultProvider().get().toPath();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("embedded-redis could not extract its redis-server", ex);
			}
		});
	}

	private static RedisEndpoint startShared(RedisChoice choice) {
		long started = System.nanoTime();
		RedisEndpoint endpoint = start(choice);
		logger.info("Test Redis: {} at {}:{}, key prefix {} ({} ms) - {}", endpoint.source(), endpoint.host(),
				endpoint.port(), endpoint.keyPrefix(), (System.nanoTime() - started) / 1_000_000, choice.reason());
		return endpoint;
	}

	private static RedisEndpoint start(RedisChoice choice) {
		if (choice instanceof RedisChoice.External external) {
			return RedisEndpoint.ofUrl(external.url(), KEY_PREFIX, "url");
		}
		if (choice instanceof RedisChoice.Container) {
			ContainerRedis container = ContainerRedis.start();
			Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "rivalry-redis-container"));
			return RedisEndpoint.local(container.host(), container.port(), KEY_PREFIX, "testcontainers");
		}
		LocalRedis redis = startLocal(choice);
		return RedisEndpoint.local(LocalRedis.HOST, redis.port(), KEY_PREFIX, source(redis));
	}

	static LocalRedis startLocal(RedisChoice choice) {
		if (choice instanceof RedisChoice.OnPath onPath) {
			return LocalRedis.startOnFreePort((port) -> new RedisServerProcess(onPath.binary(), port));
		}
		if (choice instanceof RedisChoice.Embedded) {
			return LocalRedis.startOnFreePort(EmbeddedRedis::new);
		}
		throw new IllegalArgumentException("Not a local Redis: " + choice);
	}

	static String source(LocalRedis redis) {
		return (redis instanceof RedisServerProcess) ? "redis-server" : "embedded";
	}

}
