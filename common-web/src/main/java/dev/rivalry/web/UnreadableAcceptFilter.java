package dev.rivalry.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a request whose {@code Accept} header cannot be parsed with a {@code 406} problem,
 * before anything else runs. Without it, a refusal such as a 409 would reach the client
 * with an empty body: Spring drops the content of an error response it cannot negotiate.
 */
public class UnreadableAcceptFilter implements WebFilter, Ordered {

	private final ProblemResponses problems;

	public UnreadableAcceptFilter(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		try {
			exchange.getRequest().getHeaders().getAccept();
		}
		catch (InvalidMediaTypeException ex) {
			return this.problems.write(exchange, new ProblemException(HttpStatus.NOT_ACCEPTABLE, "unreadable-accept",
					"The Accept header cannot be parsed; send media types such as application/json."));
		}
		return chain.filter(exchange);
	}

	/** First of all filters, before security's: whoever answers must be able to write a body. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
