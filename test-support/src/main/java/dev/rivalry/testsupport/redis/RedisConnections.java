package dev.rivalry.testsupport.redis;

import dev.rivalry.testsupport.RedisEndpoint;
import dev.rivalry.testsupport.TestRedis;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * A store test's connection to the shared test Redis ({@link TestRedis}), without Spring: one
 * Lettuce connection factory, a string template on it, and a key prefix of the test's own under
 * the run's, so its keys meet no other test's.
 *
 * <p>As a static extension it connects before the class's {@code @BeforeAll} methods (which
 * build the store on it) and closes after its {@code @AfterAll} methods (which stop what uses it):
 * <pre>
 * &#64;RegisterExtension
 * static final RedisConnections redis = RedisConnections.scoped("store:");
 * </pre>
 * Outside JUnit's life cycle, {@link #open(String)} connects at once and {@link #close()} ends it.
 */
public final class RedisConnections implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

	private final String scope;

	private LettuceConnectionFactory factory;

	private ReactiveStringRedisTemplate template;

	private RedisConnections(String scope) {
		this.scope = scope;
	}

	/**
	 * @param scope what the test's keys start with after the run's prefix, e.g. {@code "store:"}
	 * @return connections that connect when the test class starts (not yet connected)
	 */
	public static RedisConnections scoped(String scope) {
		return new RedisConnections(scope);
	}

	/**
	 * @param scope what the test's keys start with after the run's prefix
	 * @return connections connected now; the caller closes them
	 */
	public static RedisConnections open(String scope) {
		RedisConnections connections = new RedisConnections(scope);
		connections.connect();
		return connections;
	}

	/** @return the run's key prefix and this test's scope, e.g. {@code rivalry-test-1a2b3c4d:store:} */
	public String keyPrefix() {
		return TestRedis.get().keyPrefix() + this.scope;
	}

	/** @return the connection factory, for what needs one (a listener container, a template of another type) */
	public LettuceConnectionFactory factory() {
		if (this.factory == null) {
			throw new IllegalStateException("Not connected: register RedisConnections as a static extension, or open it");
		}
		return this.factory;
	}

	/** @return a string template on {@link #factory()} */
	public ReactiveStringRedisTemplate template() {
		factory();
		return this.template;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		connect();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	@Override
	public void close() {
		if (this.factory != null) {
			this.factory.destroy();
			this.factory = null;
			this.template = null;
		}
	}

	private void connect() {
		RedisEndpoint endpoint = TestRedis.get();
		LettuceConnectionFactory connecting = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(endpoint.host(), endpoint.port()));
		connecting.afterPropertiesSet();
		connecting.start();
		this.factory = connecting;
		this.template = new ReactiveStringRedisTemplate(connecting);
	}

}
