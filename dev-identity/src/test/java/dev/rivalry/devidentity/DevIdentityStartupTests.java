package dev.rivalry.devidentity;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.rivalry.testsupport.StartupFailures.messagesOf;
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
			.satisfies((failure) -> assertThat(messagesOf(failure)).contains("rivalry.development.enabled=true"));
	}

	@Test
	void withTheDevelopmentSwitchItStartsWithItsOwnConfiguration() {
		try (ConfigurableApplicationContext context = DevIdentityApplication.builder()
			.run("--server.port=0", "--rivalry.development.enabled=true")) {
			assertThat(context.getEnvironment().getProperty("spring.application.name")).isEqualTo("dev-identity");
			String port = context.getEnvironment().getProperty("local.server.port");
			WebTestClient.bindToServer()
				.baseUrl("http://localhost:" + port)
				.responseTimeout(Duration.ofSeconds(10))
				.build()
				.get()
				.uri("/.well-known/jwks.json")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.keys[0].kid")
				.isEqualTo(context.getBean(IdentityTokens.class).keyId());
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
