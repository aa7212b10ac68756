package dev.rivalry.matchmaker;

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
 * The matchmaker service. Its configuration is {@code matchmaker.yml} (and
 * {@code matchmaker-<profile>.yml}), not {@code application.yml}, so that several services
 * can run in one JVM (standalone, end-to-end tests), each with its own settings.
 * <p>
 * {@code @SpringBootApplication}'s scan, less the operator surface (the dashboard), which
 * the management server alone serves (docs/adr/0009).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = { @Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
		@Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
		@Filter(type = FilterType.CUSTOM, classes = ManagementContextExcludeFilter.class) })
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
