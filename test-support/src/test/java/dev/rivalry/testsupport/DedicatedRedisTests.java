package dev.rivalry.testsupport;

import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DedicatedRedisTests {

	@Test
	void aDedicatedRedisCanBeStoppedAndComesBackEmptyOnTheSamePort() {
		try (DedicatedRedis redis = TestRedis.startDedicated()) {
			RedisEndpoint endpoint = redis.endpoint();
			assertThat(endpoint.port()).isNotEqualTo(TestRedis.get().port());
			RedisURI uri = RedisURI.builder(RedisURI.create(endpoint.url())).withTimeout(Duration.ofSeconds(2)).build();
			RedisClient client = RedisClient.create(uri);
			try {
				set(client, endpoint.key("state"), "up");

				redis.stop();
				assertThat(redis.isRunning()).isFalse();
				assertThatExceptionOfType(RedisConnectionException.class).isThrownBy(client::connect);

				redis.start();
				assertThat(redis.isRunning()).isTrue();
				assertThat(redis.endpoint()).isEqualTo(endpoint);
				try (StatefulRedisConnection<String, String> connection = client.connect()) {
					assertThat(connection.sync().get(endpoint.key("state"))).isNull();
				}
			}
			finally {
				client.shutdown();
			}
		}
	}

	private static void set(RedisClient client, String key, String value) {
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().set(key, value);
		}
	}

}
