package dev.rivalry.testsupport;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RedisChoiceTests {

	private static final Path REDIS_SERVER = Path.of("/usr/bin/redis-server");

	// tc = Testcontainers: -Drivalry.test.testcontainers and RIVALRY_TESTCONTAINERS;
	// url property = -Drivalry.test.redis-url
	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			# case                           | REDIS_URL     | url property   | tc property | tc env | on PATH | chosen    | url
			nothing set, nothing installed   | -             | -              | -           | -      | false   | Embedded  | -
			redis-server on the PATH         | -             | -              | -           | -      | true    | OnPath    | -
			REDIS_URL wins over everything   | redis://env:1 | -              | true        | true   | true    | External  | redis://env:1
			the property wins over REDIS_URL | redis://env:1 | redis://prop:2 | -           | -      | true    | External  | redis://prop:2
			a blank REDIS_URL is unset       | '  '          | -              | -           | -      | false   | Embedded  | -
			Testcontainers by property       | -             | -              | true        | -      | true    | Container | -
			Testcontainers by environment    | -             | -              | -           | TRUE   | true    | Container | -
			the property overrides the env   | -             | -              | false       | true   | false   | Embedded  | -
			only true switches it on         | -             | -              | yes         | 1      | true    | OnPath    | -
			""")
	void redisComesFromTheFirstSourceThatApplies(String description, String redisUrlEnv, String redisUrlProperty,
			String testcontainersProperty, String testcontainersEnv, boolean redisServerOnPath, String chosen,
			String url) {
		Map<String, String> env = new HashMap<>();
		env.put(RedisChoice.URL_ENV, redisUrlEnv);
		env.put(RedisChoice.TESTCONTAINERS_ENV, testcontainersEnv);
		Map<String, String> properties = new HashMap<>();
		properties.put(RedisChoice.URL_PROPERTY, redisUrlProperty);
		properties.put(RedisChoice.TESTCONTAINERS_PROPERTY, testcontainersProperty);

		RedisChoice choice = RedisChoice.resolve(env::get, properties::get,
				redisServerOnPath ? Optional.of(REDIS_SERVER) : Optional.empty());

		assertThat(choice.getClass().getSimpleName()).isEqualTo(chosen);
		assertThat(choice.reason()).isNotBlank();
		if (choice instanceof RedisChoice.External external) {
			assertThat(external.url()).isEqualTo(url);
		}
		if (choice instanceof RedisChoice.OnPath onPath) {
			assertThat(onPath.binary()).isEqualTo(REDIS_SERVER);
		}
	}

}
