package dev.rivalry.serverlist;

import dev.rivalry.web.management.ManagementContextExcludeFilter;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;

/**
 * The serverlist: game-server registry, health, allocation of matches to servers, and the
 * allocation and report tokens (docs/serverlist.md). Port 8081, management port 9081. Its
 * configuration is {@code serverlist.yml} (and {@code serverlist-<profile>.yml}), not
 * {@code application.yml}, so that several services can run in one JVM, each with its own
 * settings.
 * <p>
 * {@code @SpringBootApplication}'s scan, less the operator surface (listing and reading
 * servers), which the management server alone serves (docs/adr/0009).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = { @Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
		@Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
		@Filter(type = FilterType.CUSTOM, classes = ManagementContextExcludeFilter.class) })
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
