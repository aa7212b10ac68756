package dev.rivalry.operator.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.Operator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.rivalry.operator.engine.EngineDeployments;
import dev.rivalry.operator.profile.ProfilesConfigMap;
import dev.rivalry.operator.resource.CrdSchema;
import dev.rivalry.operator.resource.MatchProfile;
import dev.rivalry.operator.resource.MatchProfileSpec;
import dev.rivalry.operator.resource.MatchProfileStatus;
import dev.rivalry.operator.system.Operators;
import dev.rivalry.operator.topic.TicketTopics;
import dev.rivalry.profiles.ProfilesLoader;
import dev.rivalry.testsupport.TestKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator against fabric8's mock API server (CRUD mode: it stores what it is sent and
 * runs no controllers, so Deployments never get ready pods) and the real in-process Kafka:
 * a MatchProfile's topic, engine Deployment, place in the merged ConfigMap and status
 * follow it through create, update, an invalid spec and delete.
 */
@EnableKubernetesMockClient(crud = true)
class MatchProfileOperatorIntegrationTests {

	private static final int PARTITIONS = 3;

	private static final String CONFIG_MAP = "rivalry-profiles";

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	static KubernetesClient client;

	private static final Map<String, Long> waitingByProfile = new ConcurrentHashMap<>();

	private static Admin admin;

	private static Operator operator;

	private final String namespace = "ns-" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeAll
	static void startOperator() {
		client.resource(Serialization.unmarshal(CrdSchema.text(), CustomResourceDefinition.class)).create();
		admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
		TicketTopics topics = new TicketTopics(admin, PARTITIONS, Optional.empty(), Duration.ofSeconds(10));
		EngineDeployments engines = new EngineDeployments(client, template(), "rivalry-engine-");
		MatchProfileReconciler reconciler = new MatchProfileReconciler(topics, engines,
				new ProfilesConfigMap(client, CONFIG_MAP, "profiles.yml"),
				(profile) -> Optional.ofNullable(waitingByProfile.get(profile.profileName()))
					.map(OptionalLong::of).orElse(OptionalLong.empty()),
				new MatchProfileReconciler.Settings(Duration.ofSeconds(30), Duration.ZERO, Duration.ofMillis(200),
						MatchProfileReconciler.TopicPolicy.KEEP),
				Clock.systemUTC());
		// The mock server answers server-side apply patches with 415: status goes by merge patch.
		operator = Operators.create(client, reconciler, Set.of(), false, false);
		operator.start();
	}

	@AfterAll
	static void stopOperator() {
		operator.stop();
		admin.close();
	}

	@Test
	void aNewProfileGetsItsTopicItsEngineCappedAtThePartitionsAndItsPlaceInTheConfigMap() throws Exception {
		String name = unique("duel");
		create(name, "{priority: 10, engine: {replicas: 20}, teams: {count: 2, size: 1}, strategy: {type: rating}}");

		MatchProfile accepted = awaitStatus(name, (status) -> status.partitions() != null);
		assertThat(accepted.getStatus().conditions()).singleElement().satisfies((condition) -> {
			assertThat(condition.getType()).isEqualTo(MatchProfileStatus.ACCEPTED);
			assertThat(condition.getStatus()).isEqualTo("True");
		});
		assertThat(accepted.getStatus().observedGeneration()).isEqualTo(accepted.getMetadata().getGeneration());
		assertThat(accepted.getStatus().topic()).isEqualTo("rivalry.tickets." + name);
		assertThat(accepted.getStatus().engine().replicas()).isEqualTo(PARTITIONS);
		assertThat(admin.describeTopics(Set.of("rivalry.tickets." + name)).allTopicNames().get()
			.get("rivalry.tickets." + name).partitions()).hasSize(PARTITIONS);

		Deployment engine = engine(name);
		assertThat(engine.getSpec().getReplicas()).isEqualTo(PARTITIONS);
		assertThat(engine.getSpec().getSelector().getMatchLabels()).containsEntry(EngineDeployments.PROFILE_LABEL, name);
		assertThat(engine.getSpec().getTemplate().getMetadata().getLabels())
			.containsAllEntriesOf(engine.getSpec().getSelector().getMatchLabels());
		assertThat(engine.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
			.contains("--rivalry.engine.profiles=" + name);
		assertThat(engine.getMetadata().getOwnerReferences()).singleElement()
			.satisfies((owner) -> assertThat(owner.getName()).isEqualTo(name));
		assertThat(profileNames()).containsExactly(name);
	}

	@Test
	void theConfigMapListsProfilesByPriorityThenNameAndFollowsEachChange() {
		String late = unique("b-late");
		String first = unique("z-first");
		String tie = unique("a-tie");
		create(late, "{priority: 5, teams: {count: 2, size: 1}}");
		create(first, "{priority: -1, teams: {count: 1, size: 4}}");
		create(tie, "{priority: 5, teams: {count: 2, size: 2}}");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(profileNames()).containsExactly(first, tie, late));

		update(late, "{priority: -5, teams: {count: 2, size: 3}}");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(profileNames()).containsExactly(late, first, tie);
			assertThat(ProfilesLoader.parse("cm", configMapFile()).byName(late).orElseThrow().teams().size()).isEqualTo(3);
		});
		MatchProfile updated = awaitStatus(late, (status) -> status.observedGeneration() == 2L);
		assertThat(updated.getStatus().conditions().get(0).getStatus()).isEqualTo("True");
	}

	@Test
	void anInvalidSpecIsRefusedWithTheReadersMessageAndTheLastAcceptedOneKeepsRunning() {
		String name = unique("squad");
		create(name, "{teams: {count: 2, size: 5}, engine: {replicas: 2}}");
		awaitStatus(name, (status) -> status.partitions() != null);

		update(name, "{teams: {count: 2, size: 2}, strategy: {type: first-come, parties: {max-size: 3}}, engine: {replicas: 1}}");
		MatchProfile refused = awaitStatus(name, (status) -> status.observedGeneration() == 2L);
		assertThat(refused.getStatus().conditions()).singleElement().satisfies((condition) -> {
			assertThat(condition.getStatus()).isEqualTo("False");
			assertThat(condition.getReason()).isEqualTo("Invalid");
			assertThat(condition.getMessage()).startsWith("spec.strategy.parties.max-size");
		});
		assertThat(refused.getStatus().accepted().teams().size()).isEqualTo(5);
		assertThat(ProfilesLoader.parse("cm", configMapFile()).byName(name).orElseThrow().teams().size()).isEqualTo(5);
		assertThat(engine(name).getSpec().getReplicas()).isEqualTo(2);
	}

	@Test
	void aProfileThatWasNeverValidGetsNoTopicNoEngineAndNoPlace() {
		String name = unique("broken");
		create(name, "{teams: {count: 2, size: 1}, ticket-ttl: 1s, batch-window: 2s}");
		MatchProfile refused = awaitStatus(name, (status) -> status.conditions() != null);
		assertThat(refused.getStatus().conditions().get(0).getMessage()).contains("spec.batch-window");
		assertThat(refused.getStatus().accepted()).isNull();
		assertThat(engineOrNull(name)).isNull();
		assertThat(client.configMaps().inNamespace(this.namespace).withName(CONFIG_MAP).get()).isNull();
	}

	@Test
	void aDeletedProfileLeavesTheConfigMapAtOnceAndItsEngineOnceNoTicketWaits() throws Exception {
		String keep = unique("lobby");
		String gone = unique("event");
		create(keep, "{teams: {count: 1, size: 2}}");
		create(gone, "{priority: -1, teams: {count: 2, size: 1}}");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(profileNames()).containsExactly(gone, keep));
		await().atMost(Duration.ofSeconds(20)).until(() -> engineOrNull(gone) != null);
		waitingByProfile.put(gone, 2L);

		client.resources(MatchProfile.class).inNamespace(this.namespace).withName(gone).delete();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(profileNames()).containsExactly(keep));
		assertThat(engineOrNull(gone)).as("the engine, while tickets wait").isNotNull();

		waitingByProfile.put(gone, 0L);
		await().atMost(Duration.ofSeconds(20)).until(() -> engineOrNull(gone) == null
				&& client.resources(MatchProfile.class).inNamespace(this.namespace).withName(gone).get() == null);
		assertThat(admin.listTopics().names().get()).as("topic policy keep").contains("rivalry.tickets." + gone);
		assertThat(engineOrNull(keep)).isNotNull();
	}

	private void create(String name, String spec) {
		MatchProfile resource = new MatchProfile();
		resource.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(this.namespace).build());
		resource.setSpec(spec(spec));
		client.resource(resource).create();
	}

	private void update(String name, String spec) {
		client.resources(MatchProfile.class).inNamespace(this.namespace).withName(name)
			.edit((resource) -> {
				resource.setSpec(spec(spec));
				return resource;
			});
	}

	private MatchProfile awaitStatus(String name, java.util.function.Predicate<MatchProfileStatus> until) {
		return await().atMost(Duration.ofSeconds(20)).until(
				() -> client.resources(MatchProfile.class).inNamespace(this.namespace).withName(name).get(),
				(resource) -> resource != null && resource.getStatus() != null && until.test(resource.getStatus()));
	}

	private Deployment engine(String name) {
		return await().atMost(Duration.ofSeconds(20)).until(() -> engineOrNull(name), (deployment) -> deployment != null);
	}

	private Deployment engineOrNull(String name) {
		return client.apps().deployments().inNamespace(this.namespace).withName("rivalry-engine-" + name).get();
	}

	private String configMapFile() {
		ConfigMap map = client.configMaps().inNamespace(this.namespace).withName(CONFIG_MAP).get();
		return (map != null) ? map.getData().get("profiles.yml") : null;
	}

	private List<String> profileNames() {
		String file = configMapFile();
		return (file != null) ? ProfilesLoader.parse("cm", file).all().stream().map((profile) -> profile.name()).toList()
				: List.of();
	}

	private static MatchProfileSpec spec(String yaml) {
		try {
			return YAML.readValue(yaml, MatchProfileSpec.class);
		}
		catch (java.io.IOException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
	}

	private static String template() {
		try (var in = MatchProfileOperatorIntegrationTests.class.getResourceAsStream("/engine-template.yml")) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
