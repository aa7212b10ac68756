package dev.rivalry.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisExecProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The redis-server branch, run with the binary that embedded-redis ships, so that it is
 * tested on machines without a redis-server on the PATH.
 */
class RedisServerProcessTests {

	private static Path redisServer;

	@BeforeAll
	static void findABinary() throws IOException {
		redisServer = RedisExecProvider.defaultProvider().get().toPath();
	}

	@Test
	void aRedisServerStartsOnAFreePortAnswersAndStops() {
		LocalRedis redis = LocalRedis.startOnFreePort((port) -> new RedisServerProcess(redisServer, port));
		try {
			assertThat(redis.isRunning()).isTrue();
			assertThat(TestRedis.source(redis)).isEqualTo("redis-server");
		}
		finally {
			redis.stop();
		}
		assertThat(redis.isRunning()).isFalse();
	}

	@Test
	void aTakenPortFailsTheStartWithTheServersOwnWords() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			RedisServerProcess redis = new RedisServerProcess(redisServer, taken.getLocalPort());

			assertThatIllegalStateException().isThrownBy(redis::start)
				.withMessageContaining("exited")
				.withMessageContaining("Failed listening on port " + taken.getLocalPort());
			assertThat(redis.isRunning()).isFalse();
		}
	}

}
