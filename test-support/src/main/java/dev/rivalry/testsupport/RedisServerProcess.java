package dev.rivalry.testsupport;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} binary (found on the {@code PATH}) run as a child process:
 * {@code --port N --bind 127.0.0.1 --save "" --appendonly no}. Started means it answered
 * {@code PING}; its output goes to a temporary log file whose tail is shown when it fails.
 */
final class RedisServerProcess implements LocalRedis {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

	private final Path binary;

	private final int port;

	private final File log;

	private final List<String> extraArguments;

	private Process process;

	RedisServerProcess(Path binary, int port) {
		this(binary, port, List.of());
	}

	/** A server with more arguments, e.g. {@code --cluster-enabled yes}. */
	RedisServerProcess(Path binary, int port, List<String> extraArguments) {
		this.binary = binary;
		this.port = port;
		this.extraArguments = List.copyOf(extraArguments);
		this.log = temporaryLog(port);
		Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "rivalry-redis-server-" + port));
	}

	@Override
	public int port() {
		return this.port;
	}

	@Override
	public synchronized void start() {
		if (isRunning()) {
			return;
		}
		try {
			this.process = new ProcessBuilder(command())
				.directory(this.log.getParentFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log))
				.start();
			awaitPong();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not run " + this.binary, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while starting " + this.binary, ex);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.process == null) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		this.process = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	private List<String> command() {
		// An empty argument after --save turns snapshots off: tests need no durability.
		List<String> command = new java.util.ArrayList<>(List.of(this.binary.toString(), "--port",
				Integer.toString(this.port), "--bind", HOST, "--save", "", "--appendonly", "no", "--daemonize", "no"));
		command.addAll(this.extraArguments);
		return command;
	}

	/** The folder of the server's log, which is also its working directory. */
	Path directory() {
		return this.log.getParentFile().toPath();
	}

	private void awaitPong() throws InterruptedException {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (pongs()) {
				return;
			}
			// Waiting on the process doubles as the pause between probes and notices an early exit.
			if (this.process.waitFor(25, TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException(this.binary + " exited with " + this.process.exitValue()
						+ " on port " + this.port + ":\n" + logTail());
			}
		}
		stop();
		throw new IllegalStateException(this.binary + " did not answer PING on port " + this.port + " within "
				+ START_TIMEOUT.toSeconds() + " s:\n" + logTail());
	}

	private boolean pongs() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, this.port), 200);
			socket.setSoTimeout(500);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			return "+PONG".equals(in.readLine());
		}
		catch (IOException ex) {
			return false;
		}
	}

	private String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.log.toPath());
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static File temporaryLog(int port) {
		try {
			File file = File.createTempFile("rivalry-redis-" + port + "-", ".log");
			file.deleteOnExit();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a log file for redis-server", ex);
		}
	}

}
