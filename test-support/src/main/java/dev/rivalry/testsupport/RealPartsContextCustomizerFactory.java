package dev.rivalry.testsupport;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Reads {@link RealKafka @RealKafka} and {@link RealRedis @RealRedis} (also as
 * meta-annotations and on enclosing classes) off a test class. Registered in
 * {@code META-INF/spring.factories}.
 */
class RealPartsContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		boolean kafka = TestContextAnnotationUtils.hasAnnotation(testClass, RealKafka.class);
		boolean redis = TestContextAnnotationUtils.hasAnnotation(testClass, RealRedis.class);
		return (kafka || redis) ? new RealPartsContextCustomizer(kafka, redis) : null;
	}

}
