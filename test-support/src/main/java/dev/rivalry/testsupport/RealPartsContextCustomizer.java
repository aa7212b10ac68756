package dev.rivalry.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Adds the shared Kafka's and Redis's properties in front of the context's property
 * sources. A record, so that equal customizers let Spring reuse a cached context.
 */
record RealPartsContextCustomizer(boolean kafka, boolean redis) implements ContextCustomizer {

	static final String PROPERTY_SOURCE_NAME = "rivalryRealParts";

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (this.kafka) {
			properties.putAll(TestKafka.get().springProperties());
		}
		if (this.redis) {
			properties.putAll(TestRedis.get().springProperties());
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
	}

}
