package dev.rivalry.testsupport;

import redis.embedded.RedisServer;

/**
 * The static Redis 7.0 shipped inside {@code org.signal:embedded-redis}; it starts in about
 * 0.1 s. The library waits for "Ready to accept connections" and fails when the process
 * exits first (for example when the port was taken), and stops the process at JVM exit.
 */
final class EmbeddedRedis implements LocalRedis {

	private final int port;

	private final RedisServer server;

	EmbeddedRedis(int port) {
		this.port = port;
		this.server = RedisServer.builder()
			.bind(HOST)
			.port(port)
			// Tests need no durability; writing snapshots would only cost time and disk.
			.setting("save \"\"")
			.setting("appendonly no")
			.build();
	}

	@Override
	public int port() {
		return this.port;
	}

	@Override
	public synchronized void start() {
		if (!this.server.isActive()) {
			this.server.start();
		}
	}

	@Override
	public synchronized void stop() {
		this.server.stop();
	}

	@Override
	public boolean isRunning() {
		return this.server.isActive();
	}

}
