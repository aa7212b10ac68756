package dev.rivalry.standalone;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A Kafka port already taken stops the start with a message that says what to do; the
 * broker itself would log a fatal error and leave the JVM running without Kafka.
 */
class InProcessKafkaTests {

	@Test
	void aTakenPortStopsTheStartWithAClearMessage(@TempDir Path data) throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			assertThatIllegalStateException().isThrownBy(() -> InProcessKafka.start(taken.getLocalPort(), data))
				.withMessageContaining("port " + taken.getLocalPort() + " is in use")
				.withMessageContaining("--kafka-port");
		}
	}

}
