package dev.rivalry.devidentity;

import dev.rivalry.web.OwnNettyResourcesAutoConfiguration;
import dev.rivalry.web.ProblemHandlingAutoConfiguration;
import dev.rivalry.web.development.DevelopmentModeAutoConfiguration;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.info.InfoEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.reactor.autoconfigure.ReactorAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.actuate.web.server.NettyReactiveManagementContextAutoConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.actuate.endpoint.web.WebFluxHealthEndpointExtensionAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * The development identity provider (docs/dev-identity.md): hands out player and back-end
 * tokens to whoever asks, so that standalone, docker-compose.yml, the demo, the bench and
 * the end-to-end tests have real bearer tokens without a real identity provider. Port 8083;
 * its health on the management port, 9083.
 * It starts only with {@code rivalry.development.enabled=true}; nothing outside
 * development setups may trust it.
 * <p>
 * Its configuration is {@code dev-identity.yml} (and {@code dev-identity-<profile>.yml}),
 * not {@code application.yml}, so that it can run in one JVM with the services (standalone,
 * end-to-end tests), each with its own settings. For the same reason its auto-configuration
 * is a fixed list instead of whatever the classpath holds: in standalone's JVM the
 * services' jars would otherwise give it their token keys and a second JWKS endpoint on
 * its path, Kafka and Redis clients, and Spring Security.
 */
@SpringBootConfiguration
@ComponentScan
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
		LifecycleAutoConfiguration.class, SslAutoConfiguration.class, ReactorAutoConfiguration.class,
		OwnNettyResourcesAutoConfiguration.class, NettyReactiveWebServerAutoConfiguration.class,
		HttpHandlerAutoConfiguration.class, JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
		ValidationAutoConfiguration.class, ProblemHandlingAutoConfiguration.class, WebFluxAutoConfiguration.class,
		ErrorWebFluxAutoConfiguration.class, DevelopmentModeAutoConfiguration.class,
		// The actuator's health and info, on the management port (as every service has them).
		ApplicationAvailabilityAutoConfiguration.class, EndpointAutoConfiguration.class,
		JacksonEndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class, HealthContributorAutoConfiguration.class,
		HealthContributorRegistryAutoConfiguration.class, AvailabilityHealthContributorAutoConfiguration.class,
		HealthEndpointAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class,
		WebFluxHealthEndpointExtensionAutoConfiguration.class, InfoEndpointAutoConfiguration.class,
		ManagementContextAutoConfiguration.class, NettyReactiveManagementContextAutoConfiguration.class })
public class DevIdentityApplication {

	/** The name of this application's configuration files. */
	public static final String CONFIG_NAME = "dev-identity";

	/**
	 * @return a builder for this application with its configuration name set
	 */
	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(DevIdentityApplication.class)
			.properties("spring.config.name=" + CONFIG_NAME);
	}

	public static void main(String[] args) {
		builder().run(args);
	}

}
