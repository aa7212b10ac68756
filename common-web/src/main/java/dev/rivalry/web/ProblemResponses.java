package dev.rivalry.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes a problem ({@link ProblemException}, or any of Spring's {@link ErrorResponse}s) as
 * the response from outside a controller (web filters, security entry points, exception
 * handlers), with the same codecs, and so the same JSON, as {@link ProblemHandling} gives
 * the problems controllers signal. Whatever the request accepted, the body is
 * {@code application/problem+json}.
 */
public final class ProblemResponses {

	private static final ResolvableType PROBLEM = ResolvableType.forClass(ProblemDetail.class);

	private final List<HttpMessageWriter<?>> writers;

	private final RetryAfterProperties retryAfter;

	/** Problems with the default {@code Retry-After} delays. */
	public ProblemResponses(ServerCodecConfigurer codecs) {
		this(codecs, RetryAfterProperties.defaults());
	}

	public ProblemResponses(ServerCodecConfigurer codecs, RetryAfterProperties retryAfter) {
		this.writers = codecs.getWriters();
		this.retryAfter = retryAfter;
	}

	/**
	 * @param exchange the exchange to answer
	 * @param problem the status, headers and body
	 * @return completes once written
	 */
	@SuppressWarnings("unchecked")
	public Mono<Void> write(ServerWebExchange exchange, ErrorResponse problem) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(problem.getStatusCode());
		response.getHeaders().putAll(problem.getHeaders());
		this.retryAfter.apply(problem, response.getHeaders());
		// Set even if a failed attempt at another answer set a type already.
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		ProblemDetail body = problem.getBody();
		body.setInstance(URI.create(exchange.getRequest().getPath().value()));
		HttpMessageWriter<ProblemDetail> writer = (HttpMessageWriter<ProblemDetail>) this.writers.stream()
			.filter((candidate) -> candidate.canWrite(PROBLEM, MediaType.APPLICATION_PROBLEM_JSON))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No codec writes application/problem+json"));
		return writer.write(Mono.just(body), PROBLEM, MediaType.APPLICATION_PROBLEM_JSON, response, Map.of());
	}

}
