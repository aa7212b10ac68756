package dev.rivalry.devidentity;

import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The application as standalone and the Docker image start it: its own configuration file,
 * and the development switch the only way in.
 */
class DevIdentityStartupTests {

	@Test
	void withoutTheDevelopmentSwitchTheProviderRefusesToStartAndSaysWhichPropertyToSet() {
		assertThatException().isThrownBy(() -> DevIdentityApplication.builder().run("--server.port=0"))
			.satisfies((failure) -> assertThat(failure).hasStackTraceContaining("rivalry.development.enabled=true"));
	}

	@Test
	void withTheDevelopmentSwitchItStartsWithItsOwnConfiguration() {
		try (ConfigurableApplicationContext context = DevIdentityApplication.builder()
			.run("--server.port=0", "--rivalry.development.enabled=true")) {
			assertThat(context.getEnvironment().getProperty("spring.application.name")).isEqualTo("dev-identity");
			assertThat(context.getEnvironment().getProperty("local.server.port")).isNotEqualTo("0");
			assertThat(context.getBean(IdentityTokens.class).issuer()).isEqualTo("http://localhost:8083");
		}
	}

	@Test
	void itListensOn8083ByDefault() {
		// Read from its configuration file without starting: 8083 may be taken on this machine.
		try (ConfigurableApplicationContext context = DevIdentityApplication.builder()
			.web(WebApplicationType.NONE)
			.run("--rivalry.development.enabled=true")) {
			assertThat(context.getEnvironment().getProperty("server.port")).isEqualTo("8083");
		}
	}

}
