package dev.rivalry.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FreePortsTests {

	@Test
	void theEphemeralRangeIsReadFromTheSystem() {
		assertThat(FreePorts.ephemeralLow()).isBetween(1024, 65535);
	}

	@RepeatedTest(20)
	void aPortForRestartIsBelowTheEphemeralRangeAndBindable() throws IOException {
		int port = FreePorts.forRestart();

		assertThat(port).isBetween(FreePorts.RESTARTABLE_LOW, FreePorts.ephemeralLow() - 1);
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			assertThat(socket.getLocalPort()).isEqualTo(port);
		}
	}

	@Test
	void aPortFromTheSystemIsBindable() throws IOException {
		int port = FreePorts.next();

		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			assertThat(socket.getLocalPort()).isEqualTo(port);
		}
	}

}
