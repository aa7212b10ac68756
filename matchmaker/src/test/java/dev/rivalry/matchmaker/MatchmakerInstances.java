package dev.rivalry.matchmaker;

import java.util.HashMap;
import java.util.Map;

import dev.rivalry.testsupport.TestIdentity;
import dev.rivalry.testsupport.TestRedis;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts matchmaker instances as separate application contexts in this JVM, the way
 * separate processes would run against one Kafka and one Redis.
 */
public final class MatchmakerInstances {

	private MatchmakerInstances() {
	}

	/** Starts an instance that trusts the JVM's {@link TestIdentity}. */
	public static ConfigurableApplicationContext start(String kafkaBootstrapServers, Map<String, Object> extra) {
		Map<String, Object> trusting = new HashMap<>(TestIdentity.get().matchmakerProperties());
		trusting.putAll(extra);
		return startWithoutIdentity(kafkaBootstrapServers, trusting);
	}

	/** Starts an instance with no identity provider but what {@code extra} configures. */
	public static ConfigurableApplicationContext startWithoutIdentity(String kafkaBootstrapServers,
			Map<String, Object> extra) {
		Map<String, Object> properties = new HashMap<>(TestRedis.get().springProperties());
		properties.put("spring.cloud.stream.kafka.binder.brokers", kafkaBootstrapServers);
		properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers);
		properties.put("server.port", 0);
		properties.putAll(extra);
		// As command-line arguments: they outrank matchmaker.yml, as real deployment settings would.
		String[] args = properties.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
		return MatchmakerApplication.builder().profiles("test").run(args);
	}

	public static int portOf(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
