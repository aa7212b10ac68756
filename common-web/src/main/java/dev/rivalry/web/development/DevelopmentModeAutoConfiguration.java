package dev.rivalry.web.development;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Binds {@link DevelopmentMode} for every service and warns, once the context is built, when
 * it is on: a deployment that forgot the switch must notice it in its logs.
 */
@AutoConfiguration
@EnableConfigurationProperties(DevelopmentMode.class)
public class DevelopmentModeAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(DevelopmentMode.class);

	@Bean
	SmartInitializingSingleton developmentModeWarning(DevelopmentMode mode, Environment environment) {
		return () -> {
			if (mode.enabled()) {
				logger.warn("DEVELOPMENT MODE is on ({}=true) in {}: development shortcuts such as the well-known "
						+ "fleet key or running without an identity provider are allowed. Never run it like this in "
						+ "production.", DevelopmentMode.PROPERTY,
						environment.getProperty("spring.application.name", "this service"));
			}
		};
	}

}
