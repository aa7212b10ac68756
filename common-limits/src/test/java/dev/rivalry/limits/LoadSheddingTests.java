package dev.rivalry.limits;

import java.time.Duration;

import dev.rivalry.web.ProblemResponses;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class LoadSheddingTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	/** Two places, creates only; a target no test reaches, so the limit stays put. */
	private final LoadShedding shedding = new LimitFilters(null, null,
			new ProblemResponses(ServerCodecConfigurer.create()), new LimitMetrics(this.registry), this.registry)
		.shedding(0, (request) -> HttpMethod.POST.equals(request.getMethod()), "ticket-creates",
				new AdaptiveLimit.Settings(Duration.ofMinutes(1), 2, 1, 10, 0.9), Duration.ofMillis(1500));

	@Test
	void pastTheLimitARequestIsAnswered503OverloadedWithRetryAfterAndCounted() {
		Sinks.Empty<Void> first = Sinks.empty();
		Sinks.Empty<Void> second = Sinks.empty();
		this.shedding.filter(post(), (exchange) -> first.asMono()).subscribe();
		this.shedding.filter(post(), (exchange) -> second.asMono()).subscribe();
		assertThat(gauge("rivalry.limits.adaptive.in-flight")).isEqualTo(2);

		MockServerWebExchange shed = post();
		this.shedding.filter(shed, (exchange) -> Mono.error(new AssertionError("not shed"))).block();
		assertThat(shed.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(shed.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
		assertThat(shed.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(shed.getResponse().getBodyAsString().block())
			.contains("\"type\":\"https://rivalry.dev/problems/overloaded\"")
			.contains("\"limit\":\"ticket-creates\"");
		assertThat(this.registry.counter("rivalry.limits.shed", "limit", "ticket-creates").count()).isEqualTo(1);

		first.tryEmitEmpty();
		assertThat(gauge("rivalry.limits.adaptive.in-flight")).isEqualTo(1);
		MockServerWebExchange admitted = post();
		this.shedding.filter(admitted, (exchange) -> Mono.empty()).block();
		assertThat(admitted.getResponse().getStatusCode()).isNull();
	}

	@Test
	void aFailedOrAbandonedRequestGivesItsPlaceBack() {
		this.shedding.filter(post(), (exchange) -> Mono.error(new IllegalStateException("boom")))
			.onErrorResume((ex) -> Mono.empty())
			.block();
		this.shedding.filter(post(), (exchange) -> Mono.never()).subscribe().dispose();
		assertThat(gauge("rivalry.limits.adaptive.in-flight")).isZero();
	}

	@Test
	void requestsNotCoveredPassUncounted() {
		Sinks.Empty<Void> held = Sinks.empty();
		for (int i = 0; i < 5; i++) {
			this.shedding.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/v1/tickets/1")),
					(exchange) -> held.asMono())
				.subscribe();
		}
		assertThat(gauge("rivalry.limits.adaptive.in-flight")).isZero();
		assertThat(gauge("rivalry.limits.adaptive.limit")).isEqualTo(2);
	}

	private double gauge(String name) {
		return this.registry.get(name).tag("limit", "ticket-creates").gauge().value();
	}

	private static MockServerWebExchange post() {
		return MockServerWebExchange.from(MockServerHttpRequest.post("/v1/tickets"));
	}

}
