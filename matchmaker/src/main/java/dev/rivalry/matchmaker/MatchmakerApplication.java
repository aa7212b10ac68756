package dev.rivalry.matchmaker;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The matchmaker service. Its configuration is {@code matchmaker.yml} (and
 * {@code matchmaker-<profile>.yml}), not {@code application.yml}, so that several services
 * can run in one JVM (standalone, end-to-end tests), each with its own settings.
 */
@SpringBootApplication
public class MatchmakerApplication {

	/** The name of this service's configuration files. */
	public static final String CONFIG_NAME = "matchmaker";

	/**
	 * @return a builder for this service with its configuration name set
	 */
	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(MatchmakerApplication.class).properties("spring.config.name=" + CONFIG_NAME);
	}

	public static void main(String[] args) {
		builder().run(args);
	}

}
