package dev.rivalry.engine.system;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static dev.rivalry.testsupport.StartupFailures.messagesOf;
import static org.assertj.core.api.Assertions.assertThat;

class EnginePropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(PropertiesOnly.class);

	@Test
	void emptyPoolsAreEvictedAfterTwoMinutesByDefault() {
		this.runner.run((context) -> {
			EngineProperties.PoolEviction eviction = context.getBean(EngineProperties.class).poolEviction();
			assertThat(eviction.grace()).isEqualTo(Duration.ofMinutes(2));
			assertThat(eviction.interval()).isEqualTo(Duration.ofSeconds(15));
		});
	}

	@Test
	void enginesRebalanceIncrementallyAndNoticeADeadOneWithinSeconds() {
		this.runner.run((context) -> {
			EngineProperties.Group group = context.getBean(EngineProperties.class).group();
			assertThat(group.protocol()).isEqualTo(EngineProperties.GroupProtocol.CLASSIC);
			assertThat(group.sessionTimeout()).isEqualTo(Duration.ofSeconds(6));
			assertThat(group.heartbeatInterval()).isEqualTo(Duration.ofSeconds(1));
		});
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', value = { "rivalry.engine.pool-eviction.grace=0s; poolEviction.grace",
			"rivalry.engine.pool-eviction.grace=2d; poolEviction.grace",
			"rivalry.engine.pool-eviction.interval=10ms; poolEviction.interval",
			"rivalry.engine.pool-eviction.interval=1h; poolEviction.interval",
			"rivalry.engine.pool-eviction.grace=soon; rivalry.engine.pool-eviction.grace",
			"rivalry.engine.group.protocol=eager; rivalry.engine.group.protocol",
			"rivalry.engine.group.session-timeout=100ms; group.sessionTimeout",
			"rivalry.engine.group.heartbeat-interval=3s; group.heartbeatInterval" })
	void badSettingsStopTheStartNamingTheProperty(String setting, String named) {
		this.runner.withPropertyValues(setting).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(messagesOf(context.getStartupFailure())).contains(named);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(EngineProperties.class)
	static class PropertiesOnly {

	}

}
