package dev.rivalry.serverlist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.rivalry.serverlist.TestServers.Registered;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Game servers keep their connections open (HTTP/1.1 keep-alive). A request that arrives
 * while the previous one is still finishing (its answer came from Redis) and that is refused
 * at once (a bad credential) must not leave the connection deaf to the next request, which
 * reactor-netty 1.3.6 did (reactor/reactor-netty#4361).
 */
class KeepAliveIntegrationTests extends ServerlistIntegrationTest {

	@Test
	void aConnectionKeepsAnsweringAfterAQueuedRequestWasRefusedAtOnce() throws IOException {
		Registered server = servers().register(TestServers.game(), "eu");
		// Answered from Redis (the heartbeat script), as a game server's calls are.
		String read = "PUT /v1/servers/" + server.id() + "/heartbeat HTTP/1.1\r\nHost: localhost\r\n"
				+ "Authorization: Bearer " + server.token() + "\r\nContent-Length: 0\r\n\r\n";
		String refused = "PUT /v1/servers/" + server.id() + "/heartbeat HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Length: 0\r\n\r\n";
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			InputStream in = socket.getInputStream();
			for (int round = 0; round < 5; round++) {
				out.write((read + refused).getBytes(StandardCharsets.US_ASCII));
				out.flush();
				assertThat(statusOf(in)).as("round %d, first", round).isEqualTo(200);
				assertThat(statusOf(in)).as("round %d, refused", round).isEqualTo(401);
				out.write(read.getBytes(StandardCharsets.US_ASCII));
				out.flush();
				assertThat(statusOf(in)).as("round %d, the next request", round).isEqualTo(200);
			}
		}
	}

	/** Reads one response (status line, headers, then a body by length or in chunks): its status. */
	private static int statusOf(InputStream in) throws IOException {
		int status = Integer.parseInt(line(in).split(" ")[1]);
		Map<String, String> headers = new java.util.HashMap<>();
		for (String header = line(in); !header.isEmpty(); header = line(in)) {
			int colon = header.indexOf(':');
			headers.put(header.substring(0, colon).trim().toLowerCase(), header.substring(colon + 1).trim());
		}
		if (headers.containsKey("content-length")) {
			in.readNBytes(Integer.parseInt(headers.get("content-length")));
		}
		else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			for (int size = Integer.parseInt(line(in), 16); size > 0; size = Integer.parseInt(line(in), 16)) {
				in.readNBytes(size);
				line(in);
			}
			line(in);
		}
		return status;
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b == -1) {
				throw new IOException("connection closed");
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.US_ASCII);
	}

}
