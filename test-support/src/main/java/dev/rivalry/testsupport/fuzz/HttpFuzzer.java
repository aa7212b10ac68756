package dev.rivalry.testsupport.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends {@link FuzzRequest}s to a running service over real HTTP and checks the contract
 * every Rivalry endpoint keeps whatever it is sent: never a server error (but the documented
 * {@code 503}s, which carry {@code Retry-After}), and an RFC 9457 problem on every refusal
 * (but the HTTP codec's own {@code 414} and {@code 431}, sent before any application code).
 * Blocking, for tests only.
 */
public final class HttpFuzzer {

	private static final int MAX_BODY = 1 << 20;

	/**
	 * Refused by the HTTP codec before any application code runs (a request line or headers
	 * beyond Netty's limits): these carry no body, whichever service it is.
	 */
	private static final Set<Integer> TRANSPORT_REFUSALS = Set.of(414, 431);

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	/** @param base the service's base URL, e.g. {@code http://localhost:8081} */
	public HttpFuzzer(String base) {
		this.base = base;
	}

	/** @return the answer; an event stream's body is not read */
	public FuzzAnswer send(FuzzRequest request) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + request.path()))
			.timeout(Duration.ofSeconds(20))
			.method(request.method(), (request.body() != null)
					? HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8)
					: HttpRequest.BodyPublishers.noBody());
		if (request.authorization() != null) {
			builder.header("Authorization", request.authorization());
		}
		if (request.contentType() != null) {
			builder.header("Content-Type", request.contentType());
		}
		try {
			HttpResponse<InputStream> response = this.client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
			String contentType = response.headers().firstValue("Content-Type").orElse(null);
			try (InputStream body = response.body()) {
				String text = (contentType != null && contentType.startsWith("text/event-stream")) ? ""
						: new String(body.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
				return new FuzzAnswer(response.statusCode(), contentType, response.headers().firstValue("Retry-After").orElse(null),
						text);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The service did not answer " + request, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Asserts the contract: below 500, except a {@code 503} problem with one of the given
	 * slugs and a {@code Retry-After}; a problem body on every 4xx.
	 * @param answer the answer
	 * @param request what was sent, for the failure message
	 * @param documentedUnavailable the slugs of the service's documented 503s
	 */
	public static void assertWellBehaved(FuzzAnswer answer, FuzzRequest request, Set<String> documentedUnavailable) {
		assertWellBehaved(answer, request, documentedUnavailable, true);
	}

	/**
	 * As {@link #assertWellBehaved(FuzzAnswer, FuzzRequest, Set)}, for surfaces whose
	 * refusals are not the service's own: Spring Boot's actuator answers its 4xx without a body.
	 * @param problems whether a 4xx must be a problem
	 */
	public static void assertWellBehaved(FuzzAnswer answer, FuzzRequest request, Set<String> documentedUnavailable,
			boolean problems) {
		if (answer.status() == 503) {
			assertThat(answer.isProblem()).as("a 503 is a problem: %s -> %s", request, answer.body()).isTrue();
			assertThat(documentedUnavailable).as("a documented 503: %s -> %s", request, answer.body()).contains(answer.slug());
			assertThat(answer.retryAfter()).as("a 503 says when to retry: %s", request).isNotNull();
			return;
		}
		assertThat(answer.status()).as("no server error: %s -> %s", request, answer.body()).isLessThan(500);
		if (!problems || TRANSPORT_REFUSALS.contains(answer.status())) {
			return;
		}
		if (answer.status() >= 400) {
			assertThat(answer.isProblem()).as("a refusal is a problem: %s -> %s %s", request, answer.status(), answer.body())
				.isTrue();
		}
	}

}
