package dev.rivalry.web;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

class ProblemHandlingTests {

	private final WebTestClient client = client();

	@Test
	void aProblemExceptionKeepsItsStatusSlugAndProperties() {
		this.client.get()
			.uri("/refused")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://rivalry.dev/problems/already-there")
			.jsonPath("$.title").isEqualTo("Already there")
			.jsonPath("$.detail").isEqualTo("It is already there.")
			.jsonPath("$.where").isEqualTo("here");
	}

	@Test
	void aProblemIsJsonEvenForAClientThatOnlyAcceptsEventStreams() {
		this.client.get()
			.uri("/refused")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://rivalry.dev/problems/already-there");
	}

	@Test
	void invalidFieldsAreListedByPath() {
		this.client.post()
			.uri("/things")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": \"\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://rivalry.dev/problems/invalid-request")
			.jsonPath("$.errors[0].field").isEqualTo("name")
			.jsonPath("$.detail").value((detail) -> org.assertj.core.api.Assertions.assertThat((String) detail)
				.startsWith("name: "));
	}

	@Test
	void unreadableJsonIsLocatedByPathLineAndColumn() {
		this.client.post()
			.uri("/things")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\n  \"name\": [1, 2]\n}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://rivalry.dev/problems/malformed-request")
			.jsonPath("$.detail").value((detail) -> org.assertj.core.api.Assertions.assertThat((String) detail)
				.contains("at 'name'")
				.contains("line 2"));
	}

	@Test
	void frameworkRefusalsGetASlugOfTheirStatus() {
		this.client.post()
			.uri("/things")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("name")
			.exchange()
			.expectStatus()
			.isEqualTo(415)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://rivalry.dev/problems/unsupported-media-type");
		this.client.delete()
			.uri("/things")
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://rivalry.dev/problems/method-not-allowed");
	}

	private static WebTestClient client() {
		LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
		validator.afterPropertiesSet();
		return WebTestClient.bindToController(new Things())
			.controllerAdvice(new ProblemHandling())
			.validator(validator)
			.build();
	}

	@RestController
	static class Things {

		@GetMapping("/refused")
		Mono<String> refused() {
			return Mono.error(new ProblemException(HttpStatus.CONFLICT, "already-there", "It is already there.",
					Map.of("where", "here")));
		}

		@PostMapping("/things")
		Mono<Thing> create(@Valid @RequestBody Thing thing) {
			return Mono.just(thing);
		}

	}

	record Thing(@NotBlank String name) {
	}

}
