package dev.rivalry.serverlist;

import dev.rivalry.testsupport.http.Prometheus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators and client generators use: the OpenAPI document (of the public port: the
 * operator's listing is not in it), health and Prometheus metrics (management port), and the
 * public keys game servers verify allocation tokens with.
 */
class ServiceIntegrationTests extends ServerlistIntegrationTest {

	@Test
	void theOpenApiDocumentDescribesTheHttpContract() {
		client().get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.openapi").exists()
			.jsonPath("$.paths['/v1/servers'].post").exists()
			.jsonPath("$.paths['/v1/servers'].get").doesNotExist()
			.jsonPath("$.paths['/v1/servers/{id}/heartbeat'].put").exists()
			.jsonPath("$.paths['/v1/servers/{id}/events'].get").exists()
			.jsonPath("$.paths['/v1/servers/{id}/matches/{matchId}/started'].post").exists()
			.jsonPath("$.paths['/v1/servers/{id}/ready'].post").exists()
			.jsonPath("$.paths['/v1/servers/{id}'].delete").exists()
			.jsonPath("$.paths['/v1/allocations'].post").exists()
			.jsonPath("$.components.securitySchemes.fleetKey.scheme").isEqualTo("bearer")
			.jsonPath("$.paths['/v1/servers'].post.security[0].fleetKey").exists()
			.jsonPath("$.paths['/v1/servers/{id}/heartbeat'].put.security[0].serverCredential").exists()
			.jsonPath("$.paths['/v1/servers/{id}/matches/{matchId}/started'].post.security[0].serverCredential").exists()
			.jsonPath("$.paths['/v1/servers/{id}'].delete.security[0].serverCredential").exists()
			.jsonPath("$.paths['/v1/servers/{id}'].get").doesNotExist()
			.jsonPath("$.paths['/v1/allocations'].post.security[0].matchToken").exists();
	}

	@Test
	void healthIsUpAndMetricsAreExposedForPrometheus() {
		String game = TestServers.game();
		servers().register(game, "eu");
		servers().allocation(TestMatch.of(game, "eu").token(0));
		servers().allocate("not-a-token").expectStatus().isUnauthorized();
		management().get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.status").isEqualTo("UP");
		String metrics = Prometheus.scrape(management());
		assertThat(metrics).contains("rivalry_servers{")
			.contains("rivalry_allocations_total{")
			.contains("rivalry_allocations_latency_seconds")
			.contains("rivalry_allocations_expired_total")
			.contains("rivalry_tokens_rejected_total{")
			.contains("rivalry_servers_unhealthy_total");
	}

	@Test
	void thePublicKeysArePublished() {
		client().get()
			.uri("/.well-known/jwks.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.keys[0].kty").isEqualTo("EC")
			.jsonPath("$.keys[0].d").doesNotExist();
	}

}
