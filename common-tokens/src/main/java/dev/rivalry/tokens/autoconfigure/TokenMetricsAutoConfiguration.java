package dev.rivalry.tokens.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import dev.rivalry.tokens.VerificationListener;

/**
 * Counts token verifications in the application's {@link MeterRegistry}, when it has one.
 * Ordered after Boot's metrics auto-configurations, which create the registry.
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public class TokenMetricsAutoConfiguration {

	@Bean
	VerificationListener tokenMetrics(MeterRegistry registry) {
		return new TokenMetrics(registry);
	}

}
