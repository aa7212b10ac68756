package dev.rivalry.client;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTests {

	private final JsonMapper json = new JsonMapper();

	@Test
	void aProblemBodyGivesItsFiveFieldsItsExtensionsAndItsRetryAfter() {
		ProblemException problem = Problems.from(this.json, 409,
				"{\"type\":\"https://rivalry.dev/problems/active-ticket-exists\",\"title\":\"Active ticket exists\","
						+ "\"status\":409,\"detail\":\"alice already searches\",\"instance\":\"/v1/tickets\","
						+ "\"ticketId\":\"t-1\",\"player\":\"alice\"}",
				"3");

		assertThat(problem.type()).isEqualTo(URI.create("https://rivalry.dev/problems/active-ticket-exists"));
		assertThat(problem.slug()).isEqualTo("active-ticket-exists");
		assertThat(problem.title()).isEqualTo("Active ticket exists");
		assertThat(problem.status()).isEqualTo(409);
		assertThat(problem.detail()).isEqualTo("alice already searches");
		assertThat(problem.instance()).isEqualTo(URI.create("/v1/tickets"));
		assertThat(problem.extensions()).containsOnlyKeys("ticketId", "player").containsEntry("ticketId", "t-1");
		assertThat(problem.retryAfter()).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void aBodyThatIsNotAProblemIsStillOneOfTypeAboutBlank() {
		ProblemException problem = Problems.from(this.json, 502, "<html>Bad Gateway</html>", null);

		assertThat(problem.type()).isEqualTo(URI.create("about:blank"));
		assertThat(problem.status()).isEqualTo(502);
		assertThat(problem.title()).isEqualTo("HTTP 502");
		assertThat(problem.detail()).isEqualTo("<html>Bad Gateway</html>");
		assertThat(problem.retryAfter()).isNull();
	}

	@Test
	void aRetryAfterIsWholeSecondsOrAnHttpDateAndAnythingElseIsNone() {
		assertThat(Problems.delay("0")).isEqualTo(Duration.ZERO);
		assertThat(Problems.delay("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
		assertThat(Problems.delay("soon")).isNull();
		assertThat(Problems.delay("")).isNull();
	}

}
