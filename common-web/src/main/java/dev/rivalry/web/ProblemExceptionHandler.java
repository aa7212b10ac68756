package dev.rivalry.web;

import org.springframework.core.Ordered;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The last word on client errors no controller advice answered: a refusal raised while the
 * response is negotiated (an {@code Accept} header that cannot be parsed or served: 406) or
 * by a web filter is written as a problem, like every other 4xx, instead of Spring Boot's
 * error JSON. Server errors, and anything that is not a framework refusal, are left to the
 * handlers after it. Ordered before Spring Boot's error handler ({@code -1}).
 */
public class ProblemExceptionHandler implements WebExceptionHandler, Ordered {

	private final ProblemResponses problems;

	public ProblemExceptionHandler(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (ex instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()
				&& !exchange.getResponse().isCommitted()) {
			return this.problems.write(exchange, refusal);
		}
		return Mono.error(ex);
	}

	@Override
	public int getOrder() {
		return -2;
	}

}
