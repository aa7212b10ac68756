package dev.rivalry.devidentity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The application as standalone and the Docker image start it: its own configuration file,
 * the development switch the only way in, and its health on the management port alone.
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
			.run("--server.port=0", "--management.server.port=0", "--rivalry.development.enabled=true")) {
			assertThat(context.getEnvironment().getProperty("spring.application.name")).isEqualTo("dev-identity");
			assertThat(context.getEnvironment().getProperty("local.server.port")).isNotEqualTo("0");
			assertThat(context.getBean(IdentityTokens.class).issuer()).isEqualTo("http://localhost:8083");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness" })
	void itsHealthIsOnTheManagementPortAndNotOnThePublicPort(String path) {
		try (ConfigurableApplicationContext context = DevIdentityApplication.builder()
			.run("--server.port=0", "--management.server.port=0", "--rivalry.development.enabled=true")) {
			client(context, "local.management.port").get().uri(path).exchange().expectStatus().isOk().expectBody()
				.jsonPath("$.status").isEqualTo("UP");
			client(context, "local.server.port").get().uri(path).exchange().expectStatus().isNotFound();
		}
	}

	@Test
	void itListensOn8083AndItsHealthOn9083ByDefault() {
		// Read from its configuration file without starting: 8083 may be taken on this machine.
		try (ConfigurableApplicationContext context = DevIdentityApplication.builder()
			.web(WebApplicationType.NONE)
			.run("--rivalry.development.enabled=true")) {
			assertThat(context.getEnvironment().getProperty("server.port")).isEqualTo("8083");
			assertThat(context.getEnvironment().getProperty("management.server.port")).isEqualTo("9083");
		}
	}

	private static WebTestClient client(ConfigurableApplicationContext context, String portProperty) {
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + context.getEnvironment().getProperty(portProperty))
			.build();
	}

}
