package dev.rivalry.testsupport;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A {@code redis:7-alpine} container. Only this class names Testcontainers, and it is
 * loaded only when Testcontainers was switched on, so a test JVM never touches Docker
 * unless asked to.
 */
final class ContainerRedis {

	static final String IMAGE = "redis:7-alpine";

	private static final int REDIS_PORT = 6379;

	private final GenericContainer<?> container;

	private ContainerRedis(GenericContainer<?> container) {
		this.container = container;
	}

	static ContainerRedis start() {
		GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(IMAGE))
			.withExposedPorts(REDIS_PORT)
			.withCommand("redis-server", "--save", "", "--appendonly", "no");
		container.start();
		return new ContainerRedis(container);
	}

	String host() {
		return this.container.getHost();
	}

	int port() {
		return this.container.getMappedPort(REDIS_PORT);
	}

	void stop() {
		this.container.stop();
	}

}
