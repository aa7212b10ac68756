package dev.rivalry.testsupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RedisEndpointTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			redis://cache:6380              | cache     | 6380
			redis://cache                   | cache     | 6379
			rediss://:secret@cache.eu:7000/2 | cache.eu  | 7000
			redis://user:pw@10.0.0.7/0      | 10.0.0.7  | 6379
			""")
	void hostAndPortAreReadFromTheUrlWhichIsKeptWhole(String url, String host, int port) {
		RedisEndpoint endpoint = RedisEndpoint.ofUrl(url, "rivalry-test-0:", "url");

		assertThat(endpoint.host()).isEqualTo(host);
		assertThat(endpoint.port()).isEqualTo(port);
		assertThat(endpoint.url()).isEqualTo(url);
	}

	@ParameterizedTest
	@CsvSource({ "localhost:6379", "http://cache:6379", "redis://", "not a url" })
	void somethingOtherThanARedisUrlIsRefusedByName(String url) {
		assertThatIllegalArgumentException().isThrownBy(() -> RedisEndpoint.ofUrl(url, "p:", "url"))
			.withMessageContaining("URL");
	}

	@Test
	void passwordsStayOutOfLogs() {
		RedisEndpoint endpoint = RedisEndpoint.ofUrl("redis://user:hunter2@cache:6379/1", "p:", "url");

		assertThat(endpoint.redactedUrl()).isEqualTo("redis://***@cache:6379/1");
		assertThat(endpoint).asString().doesNotContain("hunter2");
	}

	@Test
	void springPropertiesCarryTheUrlHostPortAndKeyPrefix() {
		RedisEndpoint endpoint = RedisEndpoint.local("127.0.0.1", 6400, "rivalry-test-abc:", "embedded");

		assertThat(endpoint.springProperties()).containsEntry("spring.data.redis.url", "redis://127.0.0.1:6400")
			.containsEntry("spring.data.redis.host", "127.0.0.1")
			.containsEntry("spring.data.redis.port", 6400)
			.containsEntry("rivalry.redis.key-prefix", "rivalry-test-abc:");
		assertThat(endpoint.key("ticket:1")).isEqualTo("rivalry-test-abc:ticket:1");
	}

}
