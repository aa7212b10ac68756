package dev.rivalry.testsupport;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Where a test's Redis is, and the key prefix the test must put in front of every key it
 * writes, so that runs sharing one server ({@code REDIS_URL}) never see each other's data.
 *
 * @param host the host to connect to
 * @param port the port to connect to
 * @param url a {@code redis://} URL (with credentials and database when {@code REDIS_URL}
 * had them); give it to Lettuce or to {@code spring.data.redis.url}
 * @param keyPrefix unique per test JVM, for example {@code rivalry-test-1a2b3c4d:}
 * @param source where the server came from: {@code url}, {@code testcontainers},
 * {@code redis-server} or {@code embedded}
 */
public record RedisEndpoint(String host, int port, String url, String keyPrefix, String source) {

	/** Property the Rivalry services read their Redis key prefix from. */
	public static final String KEY_PREFIX_PROPERTY = "rivalry.redis.key-prefix";

	static RedisEndpoint local(String host, int port, String keyPrefix, String source) {
		return new RedisEndpoint(host, port, "redis://" + host + ":" + port, keyPrefix, source);
	}

	static RedisEndpoint ofUrl(String url, String keyPrefix, String source) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Not a Redis URL: " + redact(url), ex);
		}
		if (uri.getHost() == null || !(("redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme())))) {
			throw new IllegalArgumentException("Not a redis:// or rediss:// URL with a host: " + redact(url));
		}
		int port = (uri.getPort() != -1) ? uri.getPort() : 6379;
		return new RedisEndpoint(uri.getHost(), port, url, keyPrefix, source);
	}

	/** The key {@code suffix} under this endpoint's prefix. */
	public String key(String suffix) {
		return this.keyPrefix + suffix;
	}

	/**
	 * The Spring properties that point an application at this Redis:
	 * {@code spring.data.redis.url}, {@code .host}, {@code .port} and
	 * {@value #KEY_PREFIX_PROPERTY}.
	 */
	public Map<String, Object> springProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.data.redis.url", this.url);
		properties.put("spring.data.redis.host", this.host);
		properties.put("spring.data.redis.port", this.port);
		properties.put(KEY_PREFIX_PROPERTY, this.keyPrefix);
		return properties;
	}

	/** Adds {@link #springProperties()} to a {@code @DynamicPropertySource} registry. */
	public void registerProperties(DynamicPropertyRegistry registry) {
		springProperties().forEach((name, value) -> registry.add(name, () -> value));
	}

	/**
	 * Has the server close every pub/sub connection ({@code CLIENT KILL TYPE pubsub}): what a
	 * restart, a failover or a network cut does to a subscriber. Clients reconnect by themselves;
	 * what was published meanwhile is lost to them. Every subscriber of the server is cut, so
	 * use it on a Redis of the test's own or with tests that run one after another.
	 */
	public void killPubSubConnections() {
		try (RedisClient client = RedisClient.create(this.url);
				StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().clientKill(KillArgs.Builder.typePubsub());
		}
	}

	/** The URL without its password, fit for logs. */
	public String redactedUrl() {
		return redact(this.url);
	}

	@Override
	public String toString() {
		return "RedisEndpoint[" + redactedUrl() + ", keyPrefix=" + this.keyPrefix + ", source=" + this.source + "]";
	}

	private static String redact(String url) {
		return url.replaceFirst("//[^/@]*@", "//***@");
	}

}
