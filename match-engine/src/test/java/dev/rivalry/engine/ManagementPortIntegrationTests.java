package dev.rivalry.engine;

import java.time.Duration;
import java.util.stream.Stream;

import dev.rivalry.testsupport.ServicePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * What the engine answers on each port (docs/operations.md, "Ports: what is public on
 * each"): its public port serves nothing an operator reads; the actuator and
 * {@code GET /v1/pools} are on the management port alone.
 */
class ManagementPortIntegrationTests {

	static ConfigurableApplicationContext engine;

	@BeforeAll
	static void start() {
		engine = EngineInstances.start("engine-ports");
	}

	@AfterAll
	static void stop() {
		engine.close();
	}

	static Stream<Arguments> operatorPaths() {
		return Stream.of(arguments("/v1/pools"), arguments("/actuator/health"), arguments("/actuator/prometheus"),
				arguments("/actuator/metrics"));
	}

	@ParameterizedTest
	@MethodSource("operatorPaths")
	void theManagementPortAnswersWhatThePublicPortDoesNot(String path) {
		client(ServicePorts.managementPort(engine)).get().uri(path).exchange().expectStatus().isOk();
		client(ServicePorts.publicPort(engine)).get().uri(path).exchange().expectStatus().isNotFound();
	}

	@Test
	void thePoolsKeepTheirShape() {
		client(ServicePorts.managementPort(engine)).get()
			.uri("/v1/pools")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$")
			.isArray();
	}

	@Test
	void theTwoPortsDiffer() {
		assertThat(ServicePorts.managementPort(engine)).isNotEqualTo(ServicePorts.publicPort(engine));
	}

	private static WebTestClient client(int port) {
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

}
