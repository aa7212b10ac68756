package dev.rivalry.client;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Retries after {@code Retry-After}, within the settings, against a small local server. */
class CallsTests {

	private DisposableServer server;

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.disposeNow();
		}
	}

	@Test
	void aRefusalWithRetryAfterIsAskedAgainAfterItsDelay() {
		AtomicInteger calls = new AtomicInteger();
		URI base = serve(calls, 1);

		long started = System.nanoTime();
		Ratings ratings = calls(3).call(HttpMethod.GET, base.resolve("/v1/players/ann/ratings"), null, null,
				Ratings.class).block(Duration.ofSeconds(10));

		assertThat(ratings.player()).isEqualTo("ann");
		assertThat(calls).hasValue(2);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
	}

	@Test
	void pastTheRetriesTheProblemIsTheAnswer() {
		AtomicInteger calls = new AtomicInteger();
		URI base = serve(calls, 5);

		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> calls(0).call(HttpMethod.GET, base.resolve("/v1/players/ann/ratings"), null, null,
					Ratings.class).block(Duration.ofSeconds(10)))
			.satisfies((problem) -> {
				assertThat(problem.slug()).isEqualTo("store-unavailable");
				assertThat(problem.retryAfter()).isEqualTo(Duration.ofSeconds(1));
			});
		assertThat(calls).hasValue(1);
	}

	/** A server that refuses the first {@code refusals} calls with a 503 and Retry-After: 1. */
	private URI serve(AtomicInteger calls, int refusals) {
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			if (calls.incrementAndGet() <= refusals) {
				return response.status(503)
					.header("Retry-After", "1")
					.header("Content-Type", "application/problem+json")
					.sendString(Mono.just("{\"type\":\"https://rivalry.dev/problems/store-unavailable\",\"status\":503}"))
					.then();
			}
			return response.header("Content-Type", "application/json")
				.sendString(Mono.just("{\"player\":\"ann\",\"ratings\":{}}"))
				.then();
		}).bindNow();
		return URI.create("http://127.0.0.1:" + this.server.port());
	}

	private static Calls calls(int retries) {
		return new Calls(HttpClient.create(), HttpClient.create(), ClientSettings.defaults().withRetries(retries));
	}

}
