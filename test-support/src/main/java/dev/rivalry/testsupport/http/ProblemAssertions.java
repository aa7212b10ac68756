package dev.rivalry.testsupport.http;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every refusal of every service is (docs/api.md, "Errors"): an RFC 9457
 * {@code application/problem+json} body whose {@code type} ends in a stable slug and whose
 * {@code status} is the answer's.
 */
public final class ProblemAssertions {

	/** What every problem type starts with; the slug follows. */
	public static final String TYPE_BASE = "https://rivalry.dev/problems/";

	private ProblemAssertions() {
	}

	/**
	 * Checks the answer's status, content type and the problem's {@code type} and {@code status}.
	 * Headers are checked before, on the response ({@code response.expectHeader()…}): the body is
	 * read here.
	 * @param response the answer
	 * @param status the status it must have
	 * @param slug the end of the problem's type, e.g. {@code invalid-request}
	 * @return the body, for the problem's other members
	 */
	public static WebTestClient.BodyContentSpec expectProblem(WebTestClient.ResponseSpec response, int status,
			String slug) {
		return response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(TYPE_BASE + slug)
			.jsonPath("$.status")
			.isEqualTo(status);
	}

}
