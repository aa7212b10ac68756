package dev.rivalry.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports.
 * <p>
 * {@link #next()} lets the operating system pick one, so that test JVMs running side by
 * side do not pick the same one. Such a port is in the range the system also hands out as
 * the local end of outgoing connections: fine for a server that binds it once, not for one
 * that stops and must bind it again, because the clients reconnecting meanwhile may take
 * it (on loopback a connection to a closed port in that range can even connect to itself).
 * {@link #forRestart()} picks below that range instead.
 * <p>
 * Another process may still take the port between this call and the bind: callers retry on
 * a new port when the bind fails.
 */
public final class FreePorts {

	/** The lowest port {@link #forRestart()} picks: above the usual fixed service ports. */
	static final int RESTARTABLE_LOW = 20000;

	private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

	/** Linux's default start of the ephemeral range, if the system does not say. */
	private static final int DEFAULT_EPHEMERAL_LOW = 32768;

	private static final int ATTEMPTS = 200;

	private FreePorts() {
	}

	/** @return a port free on the loopback interface a moment ago */
	public static int next() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free loopback port", ex);
		}
	}

	/**
	 * @return a free loopback port below the system's ephemeral range, for a server that a
	 * test stops and starts again on the same port while its clients keep reconnecting (a
	 * broker or Redis restart); a port from {@link #next()} if the range leaves no room
	 */
	public static int forRestart() {
		int high = ephemeralLow() - 1;
		if (high - RESTARTABLE_LOW < 1000) {
			return next();
		}
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(RESTARTABLE_LOW, high + 1);
			if (bindable(port)) {
				return port;
			}
		}
		return next();
	}

	/** The first port of the ephemeral range ({@code ip_local_port_range}), Linux's default elsewhere. */
	static int ephemeralLow() {
		try {
			// Read line by line: Files.readString trusts the size a /proc file reports (none).
			return Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return DEFAULT_EPHEMERAL_LOW;
		}
	}

	private static boolean bindable(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
