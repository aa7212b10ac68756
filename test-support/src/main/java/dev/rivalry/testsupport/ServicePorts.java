package dev.rivalry.testsupport;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ports a running service listens on: the public one (players, game servers) and the
 * management one (the actuator and the operator surface, docs/operations.md). Tests start
 * both on free ports ({@code server.port=0}, {@code management.server.port=0}) and read
 * them back here.
 */
public final class ServicePorts {

	private ServicePorts() {
	}

	/** @return the public port of a started service */
	public static int publicPort(ConfigurableApplicationContext service) {
		return port(service, "local.server.port");
	}

	/** @return the management port of a started service that has its own management server */
	public static int managementPort(ConfigurableApplicationContext service) {
		return port(service, "local.management.port");
	}

	private static int port(ConfigurableApplicationContext service, String property) {
		Integer port = service.getEnvironment().getProperty(property, Integer.class);
		if (port == null) {
			throw new IllegalStateException("No " + property + " in " + service.getId()
					+ ": is it a web application with management.server.port set apart?");
		}
		return port;
	}

}
