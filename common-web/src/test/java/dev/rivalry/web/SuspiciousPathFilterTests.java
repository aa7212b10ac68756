package dev.rivalry.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SuspiciousPathFilterTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "/v1/tickets/abc-123, false", "/v1/servers/0759fe62-2b14-42aa-bdda-8e877249ae28/heartbeat, false",
			"/actuator/health/liveness, false", "/v1/tickets/a.b/events, false", "/v1/players/alice%40x/ratings, false",
			"/actuator/health/..%2F.., true", "/v1/tickets/a%2Fb, true", "/v1/tickets/a%5cb, true", "/v1/tickets/a%25b, true",
			"/v1/tickets/a%3Bb, true", "/v1/tickets/%00, true", "/v1/tickets/%1f, true", "/v1/tickets/../x, true",
			"/v1/tickets/./x, true", "/v1/tickets/%2e%2E/x, true", "/v1/tickets/.., true", "/v1/tickets/..., false" })
	void refusesEncodedSeparatorsDotSegmentsAndControlCharacters(String path, boolean suspicious) {
		assertThat(SuspiciousPathFilter.isSuspicious(path)).isEqualTo(suspicious);
	}

}
