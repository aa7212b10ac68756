package dev.rivalry.matchmaker.rating;

import dev.rivalry.matchmaker.OpenSecurity;
import dev.rivalry.profiles.MatchProfiles;
import dev.rivalry.ratings.RatingStore;
import dev.rivalry.redis.autoconfigure.StoreOutagesAutoConfiguration;
import dev.rivalry.web.ProblemHandlingAutoConfiguration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.rivalry.testsupport.http.ProblemAssertions.expectProblem;
import static org.mockito.BDDMockito.given;

/**
 * How the web layer maps failures to problems, as a {@code @WebFluxTest} slice: no Redis,
 * no Kafka, the store mocked. A Redis outage is {@code 503 store-unavailable} with the
 * {@code Retry-After} of the settings ({@code rivalry.web.retry-after.store}, 7 s here), and
 * a path nobody serves is a problem with a slug too.
 */
@WebFluxTest(RatingsController.class)
@ImportAutoConfiguration({ ProblemHandlingAutoConfiguration.class, StoreOutagesAutoConfiguration.class })
@Import(OpenSecurity.class)
@TestPropertySource(properties = "rivalry.web.retry-after.store=7s")
class RatingsErrorMappingTests {

	@Autowired
	WebTestClient client;

	@MockitoBean
	RatingStore ratings;

	@MockitoBean
	MatchProfiles profiles;

	@Test
	void aStoreOutageIsServiceUnavailableWithTheConfiguredRetryAfter() {
		given(this.ratings.find("ann")).willReturn(Mono.error(new RedisConnectionFailureException("Redis is away")));

		WebTestClient.ResponseSpec response = this.client.get().uri("/v1/players/ann/ratings").exchange();
		expectProblem(response.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "7"), 503, "store-unavailable");
	}

	@Test
	void aPathNobodyServesIsANotFoundProblem() {
		expectProblem(this.client.get().uri("/v1/nothing-here").exchange(), 404, "not-found");
	}

}
