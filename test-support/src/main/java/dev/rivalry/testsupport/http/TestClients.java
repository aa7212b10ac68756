package dev.rivalry.testsupport.http;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * WebTestClients of a service running on this machine, as its callers reach it over real HTTP.
 */
public final class TestClients {

	/**
	 * WebTestClient's own 5 s is too short on a loaded machine (test JVMs side by side, a
	 * service's first requests warming up), and an event stream's first event can take longer.
	 */
	static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

	private TestClients() {
	}

	/** @return a client of {@code http://localhost:<port>} that sends no credential */
	public static WebTestClient localhost(int port) {
		return localhost(port, null);
	}

	/**
	 * @param port the service's port (public or management)
	 * @param bearerToken sent as {@code Authorization: Bearer …} with every request; null: none
	 * @return a client of {@code http://localhost:<port>}
	 */
	public static WebTestClient localhost(int port, String bearerToken) {
		WebTestClient.Builder builder = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.responseTimeout(RESPONSE_TIMEOUT);
		if (bearerToken != null) {
			builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken);
		}
		return builder.build();
	}

}
