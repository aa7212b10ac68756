package dev.rivalry.devidentity;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The development identity provider (docs/dev-identity.md): hands out player and back-end
 * tokens to whoever asks, so that standalone, docker-compose.yml, the demo, the bench and
 * the end-to-end tests have real bearer tokens without a real identity provider. Port 8083.
 * It starts only with {@code rivalry.development.enabled=true}; nothing outside
 * development setups may trust it.
 * <p>
 * Its configuration is {@code dev-identity.yml} (and {@code dev-identity-<profile>.yml}),
 * not {@code application.yml}, so that it can run in one JVM with the services (standalone,
 * end-to-end tests), each with its own settings.
 */
@SpringBootApplication
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
