package dev.rivalry.web;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses, with a {@code 400} problem, request paths no Rivalry endpoint takes and some
 * frameworks mishandle: an encoded {@code /}, {@code \}, {@code %} or {@code ;}, a {@code .} or
 * {@code ..} segment, a control character. Spring Boot's actuator, for one, answers
 * {@code /actuator/health/..%2F..} with a 500 (the fuzz tests found it). Every service gets
 * it, on every port (web filters of a service also run on its management port); the
 * matchmaker's Spring Security firewall refuses the same paths behind it. Says what, never
 * quotes the path.
 */
public class SuspiciousPathFilter implements WebFilter, Ordered {

	/** Encoded {@code /}, {@code \}, {@code %}, {@code ;} and control characters (matched on the lower-cased path). */
	private static final Pattern ENCODED_SUSPECT = Pattern.compile("%(2f|5c|25|3b|[01][0-9a-f]|7f)");

	/** A {@code .} or {@code ..} segment, also with the dots encoded (matched on the lower-cased path). */
	private static final Pattern DOT_SEGMENT = Pattern.compile("(^|/)(\\.|%2e){1,2}(/|$)");

	private final ProblemResponses problems;

	public SuspiciousPathFilter(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String raw = exchange.getRequest().getURI().getRawPath();
		if (raw != null && isSuspicious(raw)) {
			return this.problems.write(exchange, new ProblemException(HttpStatus.BAD_REQUEST, "malformed-request",
					"The request's path is not allowed: no encoded separators, dot segments or control characters."));
		}
		return chain.filter(exchange);
	}

	static boolean isSuspicious(String rawPath) {
		String path = rawPath.toLowerCase(Locale.ROOT);
		return ENCODED_SUSPECT.matcher(path).find() || DOT_SEGMENT.matcher(path).find()
				|| path.chars().anyMatch((c) -> c < 0x20 || c == 0x7f);
	}

	/** Right after the unreadable-Accept check, before routing and security. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
