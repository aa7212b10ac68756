package dev.rivalry.tokens.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

class JwksEndpointAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TokenAutoConfiguration.class, JwksEndpointAutoConfiguration.class));

	@Test
	@SuppressWarnings("unchecked")
	void servesThePublicKeysAsAJwkSet() {
		this.runner.run((context) -> {
			RouterFunction<ServerResponse> route = context.getBean(RouterFunction.class);
			WebTestClient.bindToRouterFunction(route)
				.build()
				.get()
				.uri(JwksEndpointAutoConfiguration.PATH)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentType("application/jwk-set+json")
				.expectBody()
				.jsonPath("$.keys[0].kid").isNotEmpty()
				.jsonPath("$.keys[0].kty").isEqualTo("EC")
				.jsonPath("$.keys[0].d").doesNotExist();
		});
	}

	@Test
	void isNotConfiguredOutsideAReactiveWebApplication() {
		new org.springframework.boot.test.context.runner.ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(TokenAutoConfiguration.class, JwksEndpointAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RouterFunction.class));
	}

}
