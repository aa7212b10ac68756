package dev.rivalry.operator.chart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.rivalry.operator.profile.ProfileDocuments;
import dev.rivalry.operator.profile.SpecVerdict;
import dev.rivalry.operator.resource.CrdSchema;
import dev.rivalry.operator.resource.MatchProfileSpec;
import dev.rivalry.profiles.ProfilesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The chart through Helm itself: lint and template over the default values and each values
 * file of {@code ci/}, and the rendered manifests checked in fabric8's typed model.
 */
class HelmChartTests {

	/** Environment variables that may only come from a Secret. */
	private static final List<String> SECRET_NAMES = List.of("PASSWORD", "JAAS", "FLEETS", "SECRET", "JWKSET_VALUE");

	private static final ObjectMapper JSON = new ObjectMapper();

	static Stream<Arguments> valueSets() {
		List<Arguments> sets = new ArrayList<>();
		sets.add(Arguments.of("defaults", null));
		Chart.valuesFiles().forEach((file) -> sets.add(Arguments.of(file.getFileName().toString(), file)));
		return sets.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valueSets")
	void helmLintsTheChartWithoutAComplaint(String name, Path values, @TempDir Path scratch) throws IOException {
		LintResult lint = Chart.lint(values, scratch);
		assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
		assertThat(lint.getMessages()).noneMatch((message) -> message.contains("[ERROR]") || message.contains("[WARNING]"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valueSets")
	void everyContainerHasProbesLimitsAndRunsAsNonRoot(String name, Path values) {
		List<PodTemplateSpec> pods = podTemplates(Chart.render(values));
		assertThat(pods).isNotEmpty();
		for (PodTemplateSpec pod : pods) {
			assertThat(pod.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
			assertThat(pod.getSpec().getSecurityContext().getRunAsUser()).isPositive();
			for (Container container : pod.getSpec().getContainers()) {
				assertThat(container.getLivenessProbe()).as(container.getName() + " liveness").isNotNull();
				assertThat(container.getReadinessProbe()).as(container.getName() + " readiness").isNotNull();
				assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
				assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
				assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
				assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
				assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valueSets")
	void noSecretIsRenderedAndSecretSettingsComeFromSecrets(String name, Path values) {
		List<HasMetadata> manifests = Chart.render(values);
		assertThat(manifests).noneMatch((resource) -> "Secret".equals(resource.getKind()));
		for (PodTemplateSpec pod : podTemplates(manifests)) {
			for (Container container : pod.getSpec().getContainers()) {
				for (EnvVar env : (container.getEnv() != null) ? container.getEnv() : List.<EnvVar>of()) {
					if (SECRET_NAMES.stream().anyMatch(env.getName()::contains)) {
						assertThat(env.getValue()).as(env.getName()).isNull();
						assertThat(env.getValueFrom().getSecretKeyRef()).as(env.getName()).isNotNull();
					}
				}
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valueSets")
	void selectorsMatchTheLabelsOfThePodsTheyMeanToSelect(String name, Path values) {
		List<HasMetadata> manifests = Chart.render(values);
		List<Deployment> deployments = of(manifests, Deployment.class);
		for (Deployment deployment : deployments) {
			assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
				.containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
		}
		List<Map<String, String>> podLabels = podTemplates(manifests).stream()
			.map((pod) -> pod.getMetadata().getLabels()).toList();
		for (Service service : of(manifests, Service.class)) {
			assertThat(podLabels).as(service.getMetadata().getName())
				.anyMatch((labels) -> labels.entrySet().containsAll(service.getSpec().getSelector().entrySet()));
		}
		for (PodDisruptionBudget budget : of(manifests, PodDisruptionBudget.class)) {
			assertThat(podLabels).anyMatch(
					(labels) -> labels.entrySet().containsAll(budget.getSpec().getSelector().getMatchLabels().entrySet()));
		}
		for (HorizontalPodAutoscaler autoscaler : of(manifests, HorizontalPodAutoscaler.class)) {
			assertThat(deployments).extracting((deployment) -> deployment.getMetadata().getName())
				.contains(autoscaler.getSpec().getScaleTargetRef().getName());
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valueSets")
	void onlyTheMatchmakersAndTheServerlistsPublicPortsAreOpenToAll(String name, Path values) {
		List<NetworkPolicy> policies = of(Chart.render(values), NetworkPolicy.class);
		assertThat(policies).hasSize(2);
		for (NetworkPolicy policy : policies) {
			policy.getSpec().getIngress().forEach((rule) -> {
				boolean fromAnywhere = rule.getFrom() == null || rule.getFrom().isEmpty();
				assertThat(rule.getPorts()).extracting((port) -> port.getPort().getStrVal())
					.containsOnly(fromAnywhere ? "http" : "management");
			});
		}
	}

	@Test
	void theChartsCrdIsTheOneTheBuildGenerates() throws IOException {
		String inChart = Files.readString(Chart.DIRECTORY.resolve("crds/matchprofiles.rivalry.dev-v1.yml"),
				StandardCharsets.UTF_8);
		assertThat(inChart).as("deploy/helm/rivalry/crds/ is a copy of operator/target/classes/" + CrdSchema.LOCATION
				+ ": copy it again after changing dev.rivalry.operator.resource").isEqualTo(CrdSchema.text());
	}

	@Test
	void theMatchProfilesOfTheValuesFitTheCrdAndAreAcceptedByTheReader() throws IOException {
		List<GenericKubernetesResource> profiles = of(Chart.render(valuesFile("production")), GenericKubernetesResource.class)
			.stream().filter((resource) -> "MatchProfile".equals(resource.getKind())).toList();
		assertThat(profiles).extracting((profile) -> profile.getMetadata().getName()).containsExactly("duel", "lobby");
		for (GenericKubernetesResource profile : profiles) {
			JsonNode spec = JSON.valueToTree(profile.getAdditionalProperties().get("spec"));
			assertThat(CrdSchema.refusals(CrdSchema.spec(), spec)).isEmpty();
			assertThat(ProfileDocuments.judge("values", profile.getMetadata().getName(),
					JSON.treeToValue(spec, MatchProfileSpec.class))).isInstanceOf(SpecVerdict.Accepted.class);
		}
	}

	@Test
	void operatorModeRunsTheOperatorWithAnEngineTemplateInsteadOfAnEngine() {
		List<HasMetadata> manifests = Chart.render(null);
		assertThat(of(manifests, Deployment.class)).extracting((deployment) -> deployment.getMetadata().getName())
			.containsExactlyInAnyOrder("r1-rivalry-matchmaker", "r1-rivalry-serverlist", "r1-rivalry-operator");
		Deployment operator = named(of(manifests, Deployment.class), "r1-rivalry-operator");
		assertThat(operator.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
			.contains("--rivalry.operator.engine.template=file:/etc/rivalry/engine/deployment.yml",
					"--rivalry.operator.profiles.config-map=r1-rivalry-profiles");
		assertThat(of(manifests, ConfigMap.class)).extracting((map) -> map.getMetadata().getName())
			.containsExactly("r1-rivalry-engine-template");
	}

	@Test
	void staticModeRendersTheProfileFileAndOneEngineForEveryProfile() throws IOException {
		List<HasMetadata> manifests = Chart.render(valuesFile("static"));
		ConfigMap profiles = named(of(manifests, ConfigMap.class), "r1-rivalry-profiles");
		assertThat(ProfilesLoader.parse("values", profiles.getData().get("profiles.yml")).all()).hasSize(2);
		Deployment engine = named(of(manifests, Deployment.class), "r1-rivalry-engine");
		assertThat(engine.getSpec().getReplicas()).isEqualTo(3);
		assertThat(of(manifests, Deployment.class)).noneMatch((d) -> d.getMetadata().getName().endsWith("-operator"));
		assertThat(manifests).noneMatch((resource) -> "MatchProfile".equals(resource.getKind()));
	}

	@Test
	void theProfileFileIsMountedAsADirectorySoThatChangesReachThePods() {
		Deployment matchmaker = named(of(Chart.render(null), Deployment.class), "r1-rivalry-matchmaker");
		Container container = matchmaker.getSpec().getTemplate().getSpec().getContainers().get(0);
		assertThat(container.getVolumeMounts()).filteredOn((mount) -> "profiles".equals(mount.getName()))
			.singleElement().satisfies((mount) -> assertThat(mount.getSubPath()).isNull());
		assertThat(container.getEnv()).filteredOn((env) -> "RIVALRY_PROFILES".equals(env.getName()))
			.singleElement().satisfies((env) -> assertThat(env.getValue()).isEqualTo("file:/etc/rivalry/profiles/profiles.yml"));
	}

	@Test
	void theValuesSchemaRefusesAValueOutsideIt() {
		assertThatException().isThrownBy(() -> Chart.renderSetting("redis.mode", "memcached"))
			.withMessageContaining("redis.mode");
	}

	@Test
	void theValuesReferenceInTheDocsListsEveryValueOfTheSchema() throws IOException {
		String docs = Files.readString(Chart.DIRECTORY.resolve("../../../docs/kubernetes.md").normalize());
		JsonNode schema = JSON.readTree(Chart.DIRECTORY.resolve("values.schema.json").toFile());
		List<String> paths = new ArrayList<>();
		leaves(schema, "", paths);
		assertThat(paths).isNotEmpty().allSatisfy((path) -> assertThat(docs).contains("| `" + path + "` |"));
	}

	private static void leaves(JsonNode node, String path, List<String> paths) {
		boolean closedObject = node.has("properties") && node.path("additionalProperties").isBoolean()
				&& !node.path("additionalProperties").asBoolean();
		if (closedObject && !"matchProfiles".equals(path)) {
			node.get("properties").properties().forEach((entry) -> leaves(entry.getValue(),
					path.isEmpty() ? entry.getKey() : path + "." + entry.getKey(), paths));
		}
		else {
			paths.add(path);
		}
	}

	/** Every pod template: the Deployments', and the engine template the operator is given. */
	private static List<PodTemplateSpec> podTemplates(List<HasMetadata> manifests) {
		List<PodTemplateSpec> pods = new ArrayList<>();
		of(manifests, Deployment.class).forEach((deployment) -> pods.add(deployment.getSpec().getTemplate()));
		of(manifests, ConfigMap.class).stream().filter((map) -> map.getData().containsKey("deployment.yml"))
			.forEach((map) -> pods.add(Serialization.unmarshal(map.getData().get("deployment.yml"), Deployment.class)
				.getSpec().getTemplate()));
		return pods;
	}

	private static <T extends HasMetadata> List<T> of(List<HasMetadata> manifests, Class<T> type) {
		return manifests.stream().filter(type::isInstance).map(type::cast).toList();
	}

	private static <T extends HasMetadata> T named(List<T> resources, String name) {
		return resources.stream().filter((resource) -> name.equals(resource.getMetadata().getName())).findFirst()
			.orElseThrow(() -> new AssertionError(name + " is not rendered"));
	}

	private static Path valuesFile(String name) {
		return Chart.DIRECTORY.resolve("ci/" + name + "-values.yaml");
	}


}
