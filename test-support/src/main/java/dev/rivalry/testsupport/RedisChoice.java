package dev.rivalry.testsupport;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which Redis the tests of this JVM use, and why. {@link #resolve} is a pure function
 * of its inputs, so the order can be tested as a table without starting anything.
 *
 * <p>The order: an explicit URL ({@value #URL_PROPERTY} wins over {@value #URL_ENV}),
 * then Testcontainers if switched on ({@value #TESTCONTAINERS_PROPERTY} wins over
 * {@value #TESTCONTAINERS_ENV}), then a {@code redis-server} on the {@code PATH}, then
 * the embedded Redis of {@code org.signal:embedded-redis}.
 */
sealed interface RedisChoice {

	String URL_ENV = "REDIS_URL";

	String URL_PROPERTY = "rivalry.test.redis-url";

	String TESTCONTAINERS_ENV = "RIVALRY_TESTCONTAINERS";

	String TESTCONTAINERS_PROPERTY = "rivalry.test.testcontainers";

	/** Words for the log line: why this choice won over the ones before it. */
	String reason();

	/** A server someone else runs: never started or stopped here. */
	record External(String url, String reason) implements RedisChoice {
	}

	/** A {@code redis:7-alpine} container, only when asked for by name. */
	record Container(String reason) implements RedisChoice {
	}

	/** A {@code redis-server} binary found on the {@code PATH}. */
	record OnPath(Path binary, String reason) implements RedisChoice {
	}

	/** The static Redis shipped inside {@code org.signal:embedded-redis}. */
	record Embedded(String reason) implements RedisChoice {
	}

	/**
	 * Chooses the Redis for this JVM.
	 * @param env environment variables by name ({@code null} when unset)
	 * @param properties system properties by name ({@code null} when unset)
	 * @param redisServerOnPath the {@code redis-server} found on the {@code PATH}, if any
	 * @return the choice, never {@code null}
	 */
	static RedisChoice resolve(Function<String, String> env, Function<String, String> properties,
			Optional<Path> redisServerOnPath) {
		String url = firstSet(properties.apply(URL_PROPERTY), env.apply(URL_ENV));
		if (url != null) {
			String from = hasText(properties.apply(URL_PROPERTY)) ? "system property " + URL_PROPERTY : URL_ENV;
			return new External(url, from + " is set");
		}
		// Opt-in only: a Docker daemon without registry access makes a pull hang for minutes.
		String containers = firstSet(properties.apply(TESTCONTAINERS_PROPERTY), env.apply(TESTCONTAINERS_ENV));
		if (Boolean.parseBoolean(containers)) {
			return new Container("no Redis URL; Testcontainers switched on");
		}
		if (redisServerOnPath.isPresent()) {
			return new OnPath(redisServerOnPath.get(),
					"no Redis URL; Testcontainers not switched on; redis-server found on the PATH");
		}
		return new Embedded("no Redis URL; Testcontainers not switched on; no redis-server on the PATH");
	}

	/** The current JVM's choice: its environment, system properties and {@code PATH}. */
	static RedisChoice ofThisJvm() {
		return resolve(System::getenv, System::getProperty,
				Executables.find("redis-server", System.getenv("PATH")));
	}

	private static String firstSet(String preferred, String fallback) {
		if (hasText(preferred)) {
			return preferred.trim();
		}
		return hasText(fallback) ? fallback.trim() : null;
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
