package dev.rivalry.matchmaker.dashboard;

import java.net.URI;
import java.time.Duration;

import dev.rivalry.matchmaker.system.MatchmakerProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rivalry.matchmaker.dashboard.*}: usable defaults (no engine, no serverlist: those
 * sections are hidden), bad values stop the start naming the property, and switching the
 * dashboard off leaves none of its beans.
 */
class DashboardPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(PropertiesOnly.class);

	@Test
	void defaultsShowMatchesOnly() {
		this.runner.run((context) -> {
			MatchmakerProperties.Dashboard dashboard = context.getBean(MatchmakerProperties.class).dashboard();
			assertThat(dashboard.enabled()).isTrue();
			assertThat(dashboard.interval()).isEqualTo(Duration.ofSeconds(1));
			assertThat(dashboard.engines()).isEmpty();
			assertThat(dashboard.serverlist()).isNull();
			assertThat(dashboard.recentMatches()).isEqualTo(12);
		});
	}

	@Test
	void enginesAreACommaSeparatedListOfUrls() {
		this.runner
			.withPropertyValues("rivalry.matchmaker.dashboard.engines=http://e1:8082,http://e2:8082",
					"rivalry.matchmaker.dashboard.serverlist=http://serverlist:8081")
			.run((context) -> {
				MatchmakerProperties.Dashboard dashboard = context.getBean(MatchmakerProperties.class).dashboard();
				assertThat(dashboard.engines()).containsExactly(URI.create("http://e1:8082"), URI.create("http://e2:8082"));
				assertThat(dashboard.serverlist()).isEqualTo(URI.create("http://serverlist:8081"));
			});
	}

	@ParameterizedTest
	@CsvSource({ "rivalry.matchmaker.dashboard.interval=10ms, dashboard.interval",
			"rivalry.matchmaker.dashboard.recent-matches=0, dashboard.recentMatches",
			"rivalry.matchmaker.dashboard.timeout=0s, dashboard.timeout" })
	void badSettingsStopTheStartNamingTheProperty(String setting, String named) {
		this.runner.withPropertyValues(setting).run((context) -> {
			assertThat(context).hasFailed();
			StringBuilder messages = new StringBuilder();
			for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
				messages.append(cause.getMessage()).append('\n');
			}
			assertThat(messages.toString()).contains(named);
		});
	}

	@Test
	void switchedOffTheDashboardHasNoBeans() {
		this.runner.withUserConfiguration(DashboardConfiguration.class)
			.withPropertyValues("rivalry.matchmaker.dashboard.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(DashboardFeed.class).doesNotHaveBean(MatchFeed.class);
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(MatchmakerProperties.class)
	static class PropertiesOnly {

	}

}
