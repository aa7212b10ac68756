package dev.rivalry.testsupport;

import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Reads {@link TrustedTestIdentity @TrustedTestIdentity} off a test class and adds the
 * provider's settings in front of the context's property sources. Registered in
 * {@code META-INF/spring.factories}.
 */
class TestIdentityContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return TestContextAnnotationUtils.hasAnnotation(testClass, TrustedTestIdentity.class)
				? new TrustedIdentityCustomizer() : null;
	}

	/** A record, so that equal customizers let Spring reuse a cached context. */
	record TrustedIdentityCustomizer() implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("rivalryTestIdentity", TestIdentity.get().matchmakerProperties()));
		}

	}

}
