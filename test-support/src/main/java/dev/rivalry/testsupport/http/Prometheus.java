package dev.rivalry.testsupport.http;

import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What Prometheus scrapes from a service.
 */
public final class Prometheus {

	private Prometheus() {
	}

	/**
	 * @param management a client of the service's management port
	 * @return the text of {@code GET /actuator/prometheus}, which must answer 200
	 */
	public static String scrape(WebTestClient management) {
		return management.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
