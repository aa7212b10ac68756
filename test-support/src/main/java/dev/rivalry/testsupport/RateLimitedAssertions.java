package dev.rivalry.testsupport;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every service answers over a rate limit (docs/api.md): {@code 429}, an
 * {@code application/problem+json} body of type {@code …/rate-limited} naming the limit, and
 * {@code Retry-After} in whole seconds.
 */
public final class RateLimitedAssertions {

	private RateLimitedAssertions() {
	}

	/**
	 * @param response the answer
	 * @param limit the name of the limit it must name
	 */
	public static void assertRateLimited(WebTestClient.ResponseSpec response, String limit) {
		response.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueMatches(HttpHeaders.RETRY_AFTER, "[1-9][0-9]*")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://rivalry.dev/problems/rate-limited")
			.jsonPath("$.status")
			.isEqualTo(429)
			.jsonPath("$.limit")
			.isEqualTo(limit);
	}

}
