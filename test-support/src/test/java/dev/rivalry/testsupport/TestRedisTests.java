package dev.rivalry.testsupport;

import java.util.List;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestRedisTests {

	/** Moves the state at KEYS[1] from ARGV[1] to ARGV[2]; returns the state afterwards. */
	private static final String COMPARE_AND_SET = """
			local current = redis.call('GET', KEYS[1])
			if current == ARGV[1] then
				redis.call('SET', KEYS[1], ARGV[2])
				return ARGV[2]
			end
			return current
			""";

	private static RedisClient client;

	private static StatefulRedisConnection<String, String> connection;

	private final RedisEndpoint redis = TestRedis.get();

	@BeforeAll
	static void connect() {
		client = RedisClient.create(TestRedis.get().url());
		connection = client.connect();
	}

	@AfterAll
	static void disconnect() {
		connection.close();
		client.shutdown();
	}

	@Test
	void everyCallGetsTheSameServerAndARunUniqueKeyPrefix() {
		assertThat(TestRedis.get()).isSameAs(this.redis);
		assertThat(this.redis.keyPrefix()).matches("rivalry-test-[0-9a-f]{8}:");
		assertThat(this.redis.source()).isIn("url", "testcontainers", "redis-server", "embedded");
	}

	@Test
	void aLuaScriptChangesTheStateOnlyFromTheExpectedOne() {
		RedisCommands<String, String> commands = connection.sync();
		String ticket = this.redis.key("ticket:lua");
		commands.set(ticket, "SEARCHING");

		String matched = commands.eval(COMPARE_AND_SET, ScriptOutputType.VALUE, new String[] { ticket }, "SEARCHING",
				"MATCHED");
		String again = commands.eval(COMPARE_AND_SET, ScriptOutputType.VALUE, new String[] { ticket }, "SEARCHING",
				"CANCELLED");

		assertThat(matched).isEqualTo("MATCHED");
		assertThat(again).isEqualTo("MATCHED");
		assertThat(commands.get(ticket)).isEqualTo("MATCHED");
	}

	@Test
	void keysWrittenUnderThePrefixAreFoundByItAndReadBack() {
		RedisCommands<String, String> commands = connection.sync();
		commands.set(this.redis.key("player:alice"), "1500");

		List<String> keys = commands.scan(ScanArgs.Builder.matches(this.redis.keyPrefix() + "player:*").limit(1000))
			.getKeys();

		assertThat(keys).containsExactly(this.redis.keyPrefix() + "player:alice");
		assertThat(commands.get(this.redis.keyPrefix() + "player:alice")).isEqualTo("1500");
	}

}
