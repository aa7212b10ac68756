package dev.rivalry.standalone;

import java.time.Duration;

import dev.rivalry.devidentity.DevIdentityApplication;
import dev.rivalry.devidentity.IdentityTokens;
import dev.rivalry.tokens.SigningKeys;
import dev.rivalry.web.development.DevelopmentMode;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity provider on standalone's classpath, where every service's jar is: it keeps
 * to its own beans, so the keys it publishes are the ones it signs with (the services'
 * token auto-configuration would otherwise add keys and a JWKS endpoint of its own), and its
 * management port serves its health and none of the services' operator surfaces, whose
 * management configurations every management context on this classpath sees.
 */
class IdentityProviderInProcessTests {

	@Test
	void itPublishesTheKeyItSignsWithAndNoOther() {
		try (ConfigurableApplicationContext identity = DevIdentityApplication.builder()
			.run("--server.port=0", "--management.server.port=0", "--" + DevelopmentMode.PROPERTY + "=true")) {
			assertThat(identity.getBeanNamesForType(SigningKeys.class)).isEmpty();
			WebTestClient.bindToServer()
				.baseUrl("http://localhost:" + identity.getEnvironment().getProperty("local.server.port"))
				.responseTimeout(Duration.ofSeconds(10))
				.build()
				.get()
				.uri("/.well-known/jwks.json")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.keys.length()")
				.isEqualTo(1)
				.jsonPath("$.keys[0].kid")
				.isEqualTo(identity.getBean(IdentityTokens.class).keyId());
		}
	}

	@Test
	void itsManagementPortServesItsHealthAndNoServicesOperatorSurface() {
		try (ConfigurableApplicationContext identity = DevIdentityApplication.builder()
			.run("--server.port=0", "--management.server.port=0", "--" + DevelopmentMode.PROPERTY + "=true")) {
			WebTestClient management = WebTestClient.bindToServer()
				.baseUrl("http://localhost:" + identity.getEnvironment().getProperty("local.management.port"))
				.responseTimeout(Duration.ofSeconds(10))
				.build();
			management.get().uri("/actuator/health").exchange().expectStatus().isOk();
			for (String path : new String[] { "/", "/v1/dashboard", "/v1/pools", "/v1/servers" }) {
				management.get().uri(path).exchange().expectStatus().isNotFound();
			}
		}
	}

}
