package dev.rivalry.standalone;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One Kafka node in this JVM, broker and KRaft controller at once, on a fixed port, with
 * its log in a directory of its own: Kafka's own server, formatted and started the way
 * {@code kafka-storage.sh format} and {@code kafka-server-start.sh} would.
 */
final class InProcessKafka implements AutoCloseable {

	private static final Duration MAX_STARTUP = Duration.ofMinutes(2);

	private final KafkaRaftServer server;

	private final int port;

	private InProcessKafka(KafkaRaftServer server, int port) {
		this.server = server;
		this.port = port;
	}

	static InProcessKafka start(int port, Path directory) throws Exception {
		return start(port, freePort(), directory);
	}

	/**
	 * Starts the node; a directory that holds a node's log already is started as it is, so a
	 * node stopped with {@link #close()} comes back with its topics, records and committed
	 * offsets when started again on the same ports and directory (a broker restart).
	 */
	static InProcessKafka start(int port, int controllerPort, Path directory) throws Exception {
		requireFree(port, "choose another with --kafka-port");
		// A controller whose port is taken makes Kafka end the whole JVM.
		requireFree(controllerPort, "start again on another controller port");
		Files.createDirectories(directory);
		Properties properties = new Properties();
		properties.put("process.roles", "broker,controller");
		properties.put("node.id", "1");
		properties.put("controller.quorum.voters", "1@localhost:" + controllerPort);
		properties.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
		properties.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
		properties.put("controller.listener.names", "CONTROLLER");
		properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		properties.put("inter.broker.listener.name", "PLAINTEXT");
		properties.put("log.dirs", directory.toString());
		// One node: every internal topic has one replica.
		properties.put("offsets.topic.replication.factor", "1");
		properties.put("transaction.state.log.replication.factor", "1");
		properties.put("transaction.state.log.min.isr", "1");
		properties.put("share.coordinator.state.topic.replication.factor", "1");
		properties.put("share.coordinator.state.topic.min.isr", "1");
		// Consumers join at once instead of waiting for more members that never come.
		properties.put("group.initial.rebalance.delay.ms", "0");
		// Kafka 4's consumer group protocol times sessions out on the broker (45 s at least by
		// default): engines that use it (rivalry.engine.group.protocol=consumer) fail over as
		// fast as the classic protocol's 6 s only if the broker allows it (ADR 0012).
		properties.put("group.consumer.min.session.timeout.ms", "6000");
		properties.put("group.consumer.session.timeout.ms", "6000");
		properties.put("group.consumer.min.heartbeat.interval.ms", "1000");
		properties.put("group.consumer.heartbeat.interval.ms", "1000");
		// Kafka's default is to wait for the controller without end: a node that cannot reach
		// it fails its start after two minutes instead of hanging whoever started it.
		properties.put("server.max.startup.time.ms", String.valueOf(MAX_STARTUP.toMillis()));
		KafkaConfig config = new KafkaConfig(properties);
		if (!Files.exists(directory.resolve("meta.properties"))) {
			format(config, directory);
		}
		KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
		server.startup();
		return new InProcessKafka(server, port);
	}

	String bootstrapServers() {
		return "localhost:" + this.port;
	}

	private static void format(KafkaConfig config, Path directory) throws Exception {
		new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
			.setNodeId(config.nodeId())
			.setClusterId(Uuid.randomUuid().toString())
			.setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
			.setControllerListenerName("CONTROLLER")
			.setMetadataLogDirectory(directory.toString())
			.addDirectory(directory.toString())
			.run();
	}

	/**
	 * A broker whose port is taken logs a fatal error and leaves the JVM running, without
	 * Kafka; checked first, it is one clear message and a stop.
	 */
	private static void requireFree(int port, String advice) throws IOException {
		try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			// Bound, so free: closed at once for Kafka to take.
		}
		catch (BindException ex) {
			throw new IllegalStateException("Kafka's port " + port + " is in use (another standalone still running?); "
					+ "stop it or " + advice, ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() {
		this.server.shutdown();
		this.server.awaitShutdown();
	}

}
