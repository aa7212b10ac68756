package dev.rivalry.operator.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import dev.rivalry.operator.engine.EngineDeployments;
import dev.rivalry.operator.engine.EnginePools;
import dev.rivalry.operator.profile.ProfilesConfigMap;
import dev.rivalry.operator.reconcile.MatchProfileReconciler;
import dev.rivalry.operator.topic.TicketTopics;

/** Wiring: the cluster and Kafka clients, the reconciler, and the operator's life cycle. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OperatorProperties.class)
class OperatorConfiguration {

	@Bean(destroyMethod = "close")
	KubernetesClient kubernetesClient() {
		return new KubernetesClientBuilder().build();
	}

	@Bean(destroyMethod = "close")
	Admin kafkaAdmin(OperatorProperties properties) {
		Map<String, Object> config = new HashMap<>(properties.kafka().properties());
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers());
		// Each call is bounded by the timeout, and so is each request of it (Kafka refuses a
		// call timeout shorter than its request timeout, 30 s by default).
		int timeout = (int) properties.kafka().timeout().toMillis();
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
		return Admin.create(config);
	}

	@Bean
	MatchProfileReconciler matchProfileReconciler(KubernetesClient client, Admin admin, OperatorProperties properties,
			ResourceLoader resources) throws IOException {
		OperatorProperties.Kafka kafka = properties.kafka();
		TicketTopics topics = new TicketTopics(admin, kafka.partitions(),
				(kafka.replicationFactor() < 0) ? Optional.empty() : Optional.of((short) kafka.replicationFactor()),
				kafka.timeout());
		EngineDeployments engines = new EngineDeployments(client, template(properties.engine().template(), resources),
				properties.engine().namePrefix());
		return new MatchProfileReconciler(topics, engines,
				new ProfilesConfigMap(client, properties.profiles().configMap(), properties.profiles().key()),
				new EnginePools(client, engines, properties.engine().managementPort(), properties.engine().timeout()),
				new MatchProfileReconciler.Settings(properties.statusInterval(), properties.propagation(),
						properties.drainPoll(), properties.topicPolicy()),
				Clock.systemUTC());
	}

	@Bean
	OperatorLifecycle operatorLifecycle(KubernetesClient client, MatchProfileReconciler reconciler,
			OperatorProperties properties) {
		Set<String> namespaces = new LinkedHashSet<>(properties.namespaces());
		if (namespaces.isEmpty()) {
			namespaces.add(client.getNamespace());
		}
		return new OperatorLifecycle(Operators.create(client, reconciler, namespaces, properties.serverSideApply(),
				properties.leaderElection()));
	}

	private static String template(String location, ResourceLoader resources) throws IOException {
		Resource resource = resources.getResource(location);
		if (!resource.exists()) {
			throw new InvalidConfigurationPropertyValueException("rivalry.operator.engine.template", location,
					"The engine Deployment template does not exist.");
		}
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** Starts the operator with the application and stops it first on shutdown. */
	static final class OperatorLifecycle implements SmartLifecycle {

		private final Operator operator;

		private volatile boolean running;

		OperatorLifecycle(Operator operator) {
			this.operator = operator;
		}

		@Override
		public void start() {
			this.operator.start();
			this.running = true;
		}

		@Override
		public void stop() {
			this.operator.stop();
			this.running = false;
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

	}

}
