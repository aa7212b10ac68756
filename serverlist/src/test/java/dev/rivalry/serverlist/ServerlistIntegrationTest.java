package dev.rivalry.serverlist;


import dev.rivalry.testsupport.RealRedis;
import dev.rivalry.testsupport.http.TestClients;
import org.junit.jupiter.api.AfterEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one serverlist context the integration tests share (same settings, so Spring caches
 * one): a real Redis, the fake matchmaker's JWKS, short heartbeats and deadlines
 * ({@code serverlist.yml} and {@code serverlist-test.yml}). Tests use their own game names, so their servers never
 * meet; servers a test stops heartbeating are swept away by the context itself.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.config.name=" + ServerlistApplication.CONFIG_NAME)
@ActiveProfiles("test")
@RealRedis
public abstract class ServerlistIntegrationTest {

	@LocalServerPort
	protected int port;

	/** The operator's port: the actuator, listing and reading servers. */
	@LocalManagementPort
	protected int managementPort;

	private final Heartbeats heartbeats = new Heartbeats();

	@DynamicPropertySource
	static void matchmaker(DynamicPropertyRegistry registry) {
		registry.add("rivalry.tokens.remote.sources.matchmaker", () -> FakeMatchmaker.get().jwksUrl());
	}

	/** @return a client of the public port, which game servers and players call */
	protected WebTestClient client() {
		return TestClients.localhost(this.port);
	}

	/** @return a client of the management port, which operators call */
	protected WebTestClient management() {
		return TestClients.localhost(this.managementPort);
	}

	protected TestServers servers() {
		return new TestServers(client(), management(), this.heartbeats, this.port);
	}

	@AfterEach
	void stopHeartbeats() {
		this.heartbeats.stopAll();
	}

}
