package dev.rivalry.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

@SpringJUnitConfig(RealKafkaAndRedisTests.Empty.class)
@RealKafkaAndRedis
class RealKafkaAndRedisTests {

	@Autowired
	private ConfigurableEnvironment environment;

	@Test
	void theContextIsPointedAtTheSharedBrokerAndRedis() {
		RedisEndpoint redis = TestRedis.get();

		assertThat(this.environment.getProperty("spring.kafka.bootstrap-servers"))
			.isEqualTo(TestKafka.bootstrapServers());
		assertThat(this.environment.getProperty("spring.cloud.stream.kafka.binder.brokers"))
			.isEqualTo(TestKafka.bootstrapServers());
		assertThat(this.environment.getProperty("spring.data.redis.url")).isEqualTo(redis.url());
		assertThat(this.environment.getProperty("spring.data.redis.port", Integer.class)).isEqualTo(redis.port());
		assertThat(this.environment.getProperty("rivalry.redis.key-prefix")).isEqualTo(redis.keyPrefix());
	}

	@Test
	void dynamicPropertySourcesGetTheSamePropertiesAsTheAnnotation() {
		Map<String, Object> registered = new LinkedHashMap<>();
		DynamicPropertyRegistry registry = (name, value) -> registered.put(name, value.get());

		TestKafka.registerProperties(registry);
		TestRedis.registerProperties(registry);

		assertThat(registered).containsExactlyInAnyOrderEntriesOf(this.environment.getPropertySources()
			.stream()
			.filter((source) -> source.getName().equals(RealPartsContextCustomizer.PROPERTY_SOURCE_NAME))
			.map((source) -> ((MapPropertySource) source).getSource())
			.findFirst()
			.orElseThrow());
	}

	@Test
	void equalAnnotationsMakeEqualCustomizersSoContextsAreReused() {
		RealPartsContextCustomizerFactory factory = new RealPartsContextCustomizerFactory();

		assertThat(factory.createContextCustomizer(RealKafkaAndRedisTests.class, List.of()))
			.isEqualTo(new RealPartsContextCustomizer(true, true));
		assertThat(factory.createContextCustomizer(OnlyRedis.class, List.of()))
			.isEqualTo(new RealPartsContextCustomizer(false, true));
		assertThat(factory.createContextCustomizer(Empty.class, List.of())).isNull();
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

	@RealRedis
	static class OnlyRedis {

	}

}
