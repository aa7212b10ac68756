package dev.rivalry.redis;

import java.time.Duration;

import dev.rivalry.redis.autoconfigure.RivalryRedisAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

import static dev.rivalry.testsupport.StartupFailures.messagesOf;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code rivalry.redis.*} is bound once, here, with its defaults and its checks. */
class RivalryRedisPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(ValidationAutoConfiguration.class, RivalryRedisAutoConfiguration.class));

	@Test
	void theDefaultsAreOnePrefixTenMinutesOfTicketsAndSixHoursOfMatches() {
		this.runner.run((context) -> {
			RivalryRedisProperties properties = context.getBean(RivalryRedisProperties.class);
			assertThat(properties.keyPrefix()).isEqualTo("rivalry:");
			assertThat(properties.ticketRetention()).isEqualTo(Duration.ofMinutes(10));
			assertThat(properties.matchRetention()).isEqualTo(Duration.ofHours(6));
		});
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', value = { "rivalry.redis.key-prefix= ; keyPrefix",
			"rivalry.redis.ticket-retention=soon; rivalry.redis.ticket-retention",
			"rivalry.redis.match-retention=later; rivalry.redis.match-retention" })
	void badSettingsStopTheStartNamingTheProperty(String setting, String named) {
		this.runner.withPropertyValues(setting).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(messagesOf(context.getStartupFailure())).contains(named);
		});
	}

}
