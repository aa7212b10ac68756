package dev.rivalry.engine;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.rivalry.testsupport.TestKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import dev.rivalry.testsupport.TestRedis;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Match engines against the shared test Kafka and Redis, all in one consumer group: in
 * this JVM (an application context), or as a separate JVM that a test can kill outright.
 */
public final class EngineInstances {

	private EngineInstances() {
	}

	public static ConfigurableApplicationContext start(String group) {
		return start(group, Map.of());
	}

	/** An engine with extra settings, e.g. another profile file. */
	public static ConfigurableApplicationContext start(String group, Map<String, Object> extra) {
		return MatchEngineApplication.builder().profiles("test").run(args(group, 0, extra));
	}

	/**
	 * Starts an engine in a child JVM on this test's class path, its operator surface
	 * ({@code GET /v1/pools}) on the given management port; {@code destroyForcibly} is a
	 * SIGKILL: no shutdown hook, no commit, no clean close of anything.
	 */
	public static Process startProcess(String group, int managementPort, Path log) throws IOException {
		return startProcess(group, managementPort, log, Map.of());
	}

	/** A child JVM engine with extra settings, e.g. another profile file. */
	public static Process startProcess(String group, int managementPort, Path log, Map<String, Object> extra)
			throws IOException {
		List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), MatchEngineApplication.class.getName(),
				"--spring.profiles.active=test"));
		Map<String, Object> settings = new HashMap<>(extra);
		settings.put("management.server.port", managementPort);
		command.addAll(List.of(args(group, 0, settings)));
		Files.createDirectories(log.getParent());
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	/** @return the members of the consumer group that hold at least one partition */
	public static int membersWithPartitions(String group) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
			return (int) admin.describeConsumerGroups(List.of(group))
				.all()
				.get()
				.get(group)
				.members()
				.stream()
				.filter((member) -> !member.assignment().topicPartitions().isEmpty())
				.count();
		}
	}

	private static String[] args(String group, int port, Map<String, Object> extra) {
		Map<String, Object> properties = new HashMap<>(TestRedis.get().springProperties());
		properties.put("spring.cloud.stream.kafka.binder.brokers", TestKafka.bootstrapServers());
		properties.put("spring.cloud.stream.bindings.tickets-in-0.group", group);
		properties.put("server.port", port);
		properties.putAll(extra);
		return properties.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
	}

	private static String javaBinary() {
		return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
	}

}
