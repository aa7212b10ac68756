package dev.rivalry.web;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemHandlingAutoConfigurationTests {

	@Test
	void isTheOnlyProblemHandlerEvenWithBootsProblemDetailsSwitchedOn() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(WebFluxAutoConfiguration.class, ProblemHandlingAutoConfiguration.class))
			.withPropertyValues("spring.webflux.problemdetails.enabled=true")
			.run((context) -> assertThat(context).getBeans(ResponseEntityExceptionHandler.class)
				.hasSize(1)
				.allSatisfy((name, handler) -> assertThat(handler).isInstanceOf(ProblemHandling.class)));
	}

}
