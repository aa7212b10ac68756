package dev.rivalry.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemResponsesTests {

	@Test
	void writesTheProblemWithItsStatusHeadersAndFlatPropertiesAsProblemJson() {
		ProblemException problem = new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "thing-unavailable",
				"The thing is away.", Map.of("thing", "keys"));
		problem.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/things/1"));
		new ProblemResponses(ServerCodecConfigurer.create()).write(exchange, problem).block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(exchange.getResponse().getBodyAsString().block())
			.contains("\"type\":\"https://rivalry.dev/problems/thing-unavailable\"")
			.contains("\"thing\":\"keys\"")
			.contains("\"instance\":\"/v1/things/1\"");
	}

}
