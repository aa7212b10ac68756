package dev.rivalry.devidentity;

import java.time.Duration;

import dev.rivalry.web.development.DevelopmentModeAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

class DevIdentityPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, DevelopmentModeAutoConfiguration.class))
		.withUserConfiguration(DevIdentityConfiguration.class)
		.withPropertyValues("rivalry.development.enabled=true");

	@Test
	void defaultsAreThoseOfStandalone() {
		this.runner.run((context) -> {
			DevIdentityProperties properties = context.getBean(DevIdentityProperties.class);
			assertThat(properties.issuer()).isEqualTo("http://localhost:8083");
			assertThat(properties.audience()).isEqualTo("rivalry");
			assertThat(properties.tokenLifetime()).isEqualTo(Duration.ofHours(1));
			assertThat(context.getBean(IdentityTokens.class).issuer()).isEqualTo("http://localhost:8083");
		});
	}

	@Test
	void theIssuerMayDifferFromWhereTheKeysAreFetched() {
		this.runner.withPropertyValues("rivalry.dev-identity.issuer=http://identity.example:9000/realm",
				"rivalry.dev-identity.audience=my-game", "rivalry.dev-identity.token-lifetime=10m")
			.run((context) -> {
				IdentityTokens tokens = context.getBean(IdentityTokens.class);
				assertThat(tokens.issuer()).isEqualTo("http://identity.example:9000/realm");
				assertThat(tokens.audience()).isEqualTo("my-game");
				assertThat(context.getBean(DevIdentityProperties.class).tokenLifetime()).isEqualTo(Duration.ofMinutes(10));
			});
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', value = { "rivalry.dev-identity.issuer=localhost:8083; issuer",
			"rivalry.dev-identity.issuer=http://localhost:8083?x=1; issuer",
			"rivalry.dev-identity.audience= ; audience", "rivalry.dev-identity.token-lifetime=0s; tokenLifetime",
			"rivalry.dev-identity.token-lifetime=2d; tokenLifetime",
			"rivalry.dev-identity.token-lifetime=soon; rivalry.dev-identity.token-lifetime" })
	void badSettingsStopTheStartNamingTheProperty(String setting, String named) {
		this.runner.withPropertyValues(setting).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining(named);
		});
	}

	@Test
	void withoutTheDevelopmentSwitchNothingIsSigned() {
		this.runner.withPropertyValues("rivalry.development.enabled=false").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("rivalry.development.enabled=true");
		});
	}

}
