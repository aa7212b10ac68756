package dev.rivalry.matchmaker.rating;

import dev.rivalry.profiles.MatchProfiles;
import dev.rivalry.ratings.RatingStore;
import dev.rivalry.redis.autoconfigure.StoreOutagesAutoConfiguration;
import dev.rivalry.web.ProblemHandlingAutoConfiguration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.mockito.BDDMockito.given;

/**
 * How the web layer maps failures to problems, as a {@code @WebFluxTest} slice: no Redis,
 * no Kafka, the store mocked. A Redis outage is {@code 503 store-unavailable} with the
 * {@code Retry-After} of the settings ({@code rivalry.web.retry-after.store}, 7 s here), and
 * a path nobody serves is a problem with a slug too.
 */
@WebFluxTest(RatingsController.class)
@ImportAutoConfiguration({ ProblemHandlingAutoConfiguration.class, StoreOutagesAutoConfiguration.class })
@Import(RatingsErrorMappingTests.OpenSecurity.class)
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

		this.client.get()
			.uri("/v1/players/ann/ratings")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "7")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://rivalry.dev/problems/store-unavailable");
	}

	@Test
	void aPathNobodyServesIsANotFoundProblem() {
		this.client.get()
			.uri("/v1/nothing-here")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://rivalry.dev/problems/not-found");
	}

	/** The slice has none of the service's security: everything is open, as ratings are. */
	@TestConfiguration(proxyBeanMethods = false)
	@EnableWebFluxSecurity
	static class OpenSecurity {

		@Bean
		SecurityWebFilterChain open(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
				.csrf(ServerHttpSecurity.CsrfSpec::disable)
				.build();
		}

	}

}
