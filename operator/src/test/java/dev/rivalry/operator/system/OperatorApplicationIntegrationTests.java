package dev.rivalry.operator.system;

import java.time.Duration;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import dev.rivalry.operator.OperatorApplication;
import dev.rivalry.operator.resource.CrdSchema;
import dev.rivalry.operator.resource.MatchProfile;
import dev.rivalry.operator.resource.MatchProfileSpec;
import dev.rivalry.testsupport.TestKafka;

import static org.awaitility.Awaitility.await;

/**
 * The operator as it ships (the Spring Boot application, its settings and its default engine
 * template) against fabric8's mock API server and the in-process Kafka: it starts, makes a
 * MatchProfile's engine. Bad settings: {@code OperatorConfigurationTests}.
 */
@EnableKubernetesMockClient(crud = true)
class OperatorApplicationIntegrationTests {

	static KubernetesClient client;

	@BeforeAll
	static void pointAtTheMockServer() {
		client.resource(Serialization.unmarshal(CrdSchema.text(), CustomResourceDefinition.class)).create();
		// What KubernetesClientBuilder reads when no kubeconfig or service account is there.
		System.setProperty(Config.KUBERNETES_MASTER_SYSTEM_PROPERTY, client.getConfiguration().getMasterUrl());
		System.setProperty(Config.KUBERNETES_NAMESPACE_SYSTEM_PROPERTY, "games");
		System.setProperty(Config.KUBERNETES_AUTH_TRYKUBECONFIG_SYSTEM_PROPERTY, "false");
		System.setProperty(Config.KUBERNETES_AUTH_TRYSERVICEACCOUNT_SYSTEM_PROPERTY, "false");
		System.setProperty(Config.KUBERNETES_TRUST_CERT_SYSTEM_PROPERTY, "true");
	}

	@AfterAll
	static void forgetTheMockServer() {
		System.clearProperty(Config.KUBERNETES_MASTER_SYSTEM_PROPERTY);
		System.clearProperty(Config.KUBERNETES_NAMESPACE_SYSTEM_PROPERTY);
		System.clearProperty(Config.KUBERNETES_AUTH_TRYKUBECONFIG_SYSTEM_PROPERTY);
		System.clearProperty(Config.KUBERNETES_AUTH_TRYSERVICEACCOUNT_SYSTEM_PROPERTY);
		System.clearProperty(Config.KUBERNETES_TRUST_CERT_SYSTEM_PROPERTY);
	}

	@Test
	void theApplicationServesItsNamespaceWithTheDefaultEngineTemplate() {
		try (ConfigurableApplicationContext operator = start(Map.of())) {
			MatchProfile profile = new MatchProfile();
			profile.setMetadata(new ObjectMetaBuilder().withName("app-duel").withNamespace("games").build());
			profile.setSpec(new MatchProfileSpec(null, new MatchProfileSpec.Teams(2, 1), null, null, null, null, null,
					null, null, null, null, null));
			client.resource(profile).create();
			await().atMost(Duration.ofSeconds(20)).until(
					() -> client.apps().deployments().inNamespace("games").withName("rivalry-engine-app-duel").get() != null);
		}
	}

	private static ConfigurableApplicationContext start(Map<String, String> extra) {
		Map<String, String> properties = new java.util.HashMap<>(Map.of(
				"rivalry.operator.kafka.bootstrap-servers", TestKafka.bootstrapServers(),
				"rivalry.operator.leader-election", "false",
				// The mock server answers server-side apply with 415.
				"rivalry.operator.server-side-apply", "false",
				"server.port", "0", "management.server.port", "0"));
		properties.putAll(extra);
		// As command-line arguments: they outrank application.yml, as a deployment's do.
		return new SpringApplication(OperatorApplication.class).run(properties.entrySet().stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue()).toArray(String[]::new));
	}

}
