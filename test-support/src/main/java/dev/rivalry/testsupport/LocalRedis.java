package dev.rivalry.testsupport;

import java.util.function.IntFunction;

/**
 * A Redis server process started by this JVM on a loopback port. It keeps its port
 * across {@link #stop()} and {@link #start()}, keeps no data on disk (no RDB, no AOF), and
 * is stopped at JVM exit.
 */
sealed interface LocalRedis permits RedisServerProcess, EmbeddedRedis {

	/** How often a start is retried on another port when the chosen one was taken. */
	int START_ATTEMPTS = 3;

	String HOST = "127.0.0.1";

	int port();

	/** Starts the server and returns once it answers; fails if it does not. */
	void start();

	/** Stops the server; does nothing if it is not running. */
	void stop();

	boolean isRunning();

	/**
	 * Starts a server made by {@code factory} on a free port, retrying on a new one if the bind
	 * fails; below the ephemeral range, since outage tests restart it on the same port.
	 */
	static LocalRedis startOnFreePort(IntFunction<LocalRedis> factory) {
		RuntimeException failure = null;
		for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
			LocalRedis redis = factory.apply(FreePorts.forRestart());
			try {
				redis.start();
				return redis;
			}
			catch (RuntimeException ex) {
				redis.stop();
				if (failure == null) {
					failure = ex;
				}
				else {
					failure.addSuppressed(ex);
				}
			}
		}
		throw new IllegalStateException("Redis did not start in " + START_ATTEMPTS + " attempts", failure);
	}

}
