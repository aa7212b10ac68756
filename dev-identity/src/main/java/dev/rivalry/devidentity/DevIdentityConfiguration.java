package dev.rivalry.devidentity;

import dev.rivalry.web.development.DevelopmentMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The signing keys, generated at start, and the one guard that matters: a provider that
 * signs a token for any player who asks must never run by accident, so without the
 * development switch the start fails.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DevIdentityProperties.class)
class DevIdentityConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(DevIdentityConfiguration.class);

	@Bean
	IdentityTokens identityTokens(DevIdentityProperties properties, DevelopmentMode development) {
		if (!development.enabled()) {
			throw new IllegalStateException("The development identity provider signs a token for anyone who asks, so "
					+ "it starts only in development: set " + DevelopmentMode.PROPERTY + "=true (standalone and "
					+ "docker-compose.yml do). Never trust it outside development.");
		}
		IdentityTokens tokens = IdentityTokens.generate(properties.issuer(), properties.audience());
		logger.warn("Development identity provider: tokens for any player on request, issuer {}, audience {}, key {}",
				tokens.issuer(), tokens.audience(), tokens.keyId());
		return tokens;
	}

}
