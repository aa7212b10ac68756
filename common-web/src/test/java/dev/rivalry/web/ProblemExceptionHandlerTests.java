package dev.rivalry.web;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemExceptionHandlerTests {

	private final ProblemExceptionHandler handler = new ProblemExceptionHandler(
			new ProblemResponses(ServerCodecConfigurer.create()));

	@Test
	void aRefusalNoAdviceAnsweredIsAProblemWhateverTheRequestAccepts() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/v1/profiles").header("Accept", "not a type"));

		this.handler.handle(exchange, new NotAcceptableStatusException("Could not parse 'Accept' header")).block();

		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
		assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"status\":406")
			.contains("\"instance\":\"/v1/profiles\"");
	}

	@Test
	void aRequestWhoseAcceptCannotBeParsedIsRefusedBeforeAnythingRuns() {
		UnreadableAcceptFilter filter = new UnreadableAcceptFilter(new ProblemResponses(ServerCodecConfigurer.create()));
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.post("/v1/tickets").header("Accept", "!"));

		filter.filter(exchange, (ignored) -> Mono.error(new AssertionError("the chain ran"))).block();

		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("unreadable-accept");
	}

	@Test
	void aRequestWhoseAcceptCanBeParsedGoesOn() {
		UnreadableAcceptFilter filter = new UnreadableAcceptFilter(new ProblemResponses(ServerCodecConfigurer.create()));
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/").header("Accept", "application/xml, */*;q=0.1"));

		StepVerifier.create(filter.filter(exchange, (ignored) -> Mono.empty())).verifyComplete();
		assertThat(exchange.getResponse().getStatusCode()).isNull();
	}

	@Test
	void serverErrorsAndOtherFailuresAreLeftToTheHandlersAfterIt() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));

		StepVerifier.create(this.handler.handle(exchange, new ResponseStatusException(HttpStatus.BAD_GATEWAY)))
			.expectError(ResponseStatusException.class)
			.verify();
		StepVerifier.create(this.handler.handle(exchange, new IllegalStateException("boom")))
			.expectError(IllegalStateException.class)
			.verify();
	}

}
