package dev.rivalry.serverlist;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The serverlist: game-server registry, health, allocation of matches to servers, and the
 * allocation and report tokens (docs/serverlist.md). Port 8081. Its configuration is
 * {@code serverlist.yml} (and {@code serverlist-<profile>.yml}), not
 * {@code application.yml}, so that several services can run in one JVM, each with its own
 * settings.
 */
@SpringBootApplication
public class ServerlistApplication {

	/** The name of this service's configuration files. */
	public static final String CONFIG_NAME = "serverlist";

	/**
	 * @return a builder for this service with its configuration name set
	 */
	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(ServerlistApplication.class).properties("spring.config.name=" + CONFIG_NAME);
	}

	public static void main(String[] args) {
		builder().run(args);
	}

}
