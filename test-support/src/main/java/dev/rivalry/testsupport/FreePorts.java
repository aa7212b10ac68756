package dev.rivalry.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Free loopback ports, picked by the operating system so that test JVMs running side by
 * side do not pick the same one. Another process may still take the port between this
 * call and the bind: callers retry on a new port when the bind fails.
 */
public final class FreePorts {

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

}
