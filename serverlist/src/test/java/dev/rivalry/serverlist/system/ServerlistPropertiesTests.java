package dev.rivalry.serverlist.system;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import dev.rivalry.limits.Rate;
import dev.rivalry.redis.RivalryRedisProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static dev.rivalry.testsupport.StartupFailures.messagesOf;
import static org.assertj.core.api.Assertions.assertThat;

class ServerlistPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(PropertiesOnly.class);

	@Test
	void defaultsAreUsableAndMeanTheDevelopmentFleet() {
		this.runner.run((context) -> {
			ServerlistProperties properties = context.getBean(ServerlistProperties.class);
			assertThat(properties.effectiveFleets()).isEqualTo(Map.of("dev", "dev-fleet-key"));
			assertThat(properties.defaultGame()).isEqualTo("default");
			assertThat(properties.heartbeat().period()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.heartbeat().grace()).isEqualTo(Duration.ofSeconds(15));
			assertThat(properties.heartbeat().removeAfter()).isEqualTo(Duration.ofMinutes(5));
			assertThat(properties.allocation().startDeadline()).isEqualTo(Duration.ofSeconds(60));
			assertThat(properties.sweep().interval()).isEqualTo(Duration.ofSeconds(1));
			assertThat(properties.events().heartbeat()).isEqualTo(Duration.ofSeconds(15));
			assertThat(properties.rateLimits().registrationsPerAddress()).isEqualTo(Rate.valueOf("120/1m"));
			assertThat(properties.rateLimits().failedFleetKeysPerAddress()).isEqualTo(Rate.valueOf("10/1m"));
			assertThat(properties.rateLimits().failedCredentialsPerAddress()).isEqualTo(Rate.valueOf("120/1m"));
			assertThat(context.getBean(RivalryRedisProperties.class).keyPrefix()).isEqualTo("rivalry:");
		});
	}

	@Test
	void configuredFleetsReplaceTheDevelopmentFleet() {
		this.runner.withPropertyValues("rivalry.serverlist.fleets.eu-main=eu-main-key-0123456789").run((context) -> {
			assertThat(context.getBean(ServerlistProperties.class).effectiveFleets())
				.isEqualTo(Map.of("eu-main", "eu-main-key-0123456789"));
		});
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', value = { "rivalry.serverlist.fleets.eu=short; fleets",
			"rivalry.serverlist.fleets[bad name!]=long-enough-key-0123; fleets",
			"rivalry.serverlist.heartbeat.tolerance=0; heartbeat.tolerance",
			"rivalry.serverlist.heartbeat.period=soon; rivalry.serverlist.heartbeat.period",
			"rivalry.serverlist.heartbeat.remove-after=10s; heartbeat.removedAfterUnhealthy",
			"rivalry.serverlist.allocation.start-deadline=0s; allocation.startDeadline",
			"rivalry.serverlist.allocation.max-candidates=0; allocation.maxCandidates",
			"rivalry.serverlist.sweep.batch=0; sweep.batch", "rivalry.serverlist.default-game=a:b; defaultGame",
			"rivalry.serverlist.rate-limits.failed-fleet-keys-per-address=10 per minute; rivalry.serverlist.rate-limits.failed-fleet-keys-per-address",
			"rivalry.serverlist.rate-limits.registrations-per-address=0/1m; rivalry.serverlist.rate-limits.registrations-per-address" })
	void badSettingsStopTheStartNamingTheProperty(String setting, String named) {
		this.runner.withPropertyValues(setting).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(messagesOf(context.getStartupFailure())).contains(named);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ ServerlistProperties.class, RivalryRedisProperties.class })
	static class PropertiesOnly {

	}

}
