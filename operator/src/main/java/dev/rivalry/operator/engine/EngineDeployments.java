package dev.rivalry.operator.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;

import dev.rivalry.operator.resource.MatchProfile;

/**
 * The engine Deployment of each profile, made from a template Deployment (the chart renders
 * it: image, resources, probes, security context, the Kafka and Redis settings and Secret
 * references) by giving it the profile's name, labels, replicas and arguments. Owned by its
 * MatchProfile. Thread safe.
 */
public final class EngineDeployments {

	/** Label naming the profile an engine serves. */
	public static final String PROFILE_LABEL = "rivalry.dev/profile";

	static final String COMPONENT_LABEL = "app.kubernetes.io/component";

	static final String COMPONENT = "engine";

	private final KubernetesClient client;

	private final String template;

	private final String namePrefix;

	/**
	 * @param client the cluster
	 * @param template a Deployment in YAML whose first container is the engine
	 * @param namePrefix put before the profile's name to name its Deployment
	 */
	public EngineDeployments(KubernetesClient client, String template, String namePrefix) {
		this.client = client;
		this.template = template;
		this.namePrefix = namePrefix;
		// Fails at start-up, not at the first profile, when the template is unusable.
		build(templateDeployment(), "check", 1);
	}

	/**
	 * @param profile a profile's name
	 * @return the name of its engine Deployment
	 */
	public String nameOf(String profile) {
		return this.namePrefix + profile;
	}

	/**
	 * Creates or updates the profile's engine Deployment.
	 * @param owner the MatchProfile
	 * @param replicas engines wanted
	 * @return the Deployment as the cluster has it, with its status
	 */
	public Deployment apply(MatchProfile owner, int replicas) {
		Deployment wanted = build(templateDeployment(), owner.profileName(), replicas);
		wanted.getMetadata().setNamespace(owner.getMetadata().getNamespace());
		wanted.getMetadata().setOwnerReferences(List.of(OwnerReferences.controlledBy(owner)));
		Deployment existing = this.client.apps().deployments().inNamespace(owner.getMetadata().getNamespace())
			.withName(wanted.getMetadata().getName()).get();
		if (existing == null) {
			return this.client.resource(wanted).create();
		}
		if (existing.getSpec().equals(wanted.getSpec())
				&& existing.getMetadata().getLabels().equals(wanted.getMetadata().getLabels())) {
			return existing;
		}
		Deployment updated = new DeploymentBuilder(existing).withSpec(wanted.getSpec())
			.editMetadata().withLabels(wanted.getMetadata().getLabels()).endMetadata().build();
		return this.client.resource(updated).update();
	}

	/**
	 * Deletes the profile's engine Deployment, if there is one.
	 * @param owner the MatchProfile
	 */
	public void delete(MatchProfile owner) {
		this.client.apps().deployments().inNamespace(owner.getMetadata().getNamespace())
			.withName(nameOf(owner.profileName())).delete();
	}

	/**
	 * @param profile a profile's name
	 * @return the labels of its engines' pods
	 */
	public Map<String, String> selectorOf(String profile) {
		return selectorOf(templateDeployment(), profile);
	}

	private Deployment templateDeployment() {
		return Serialization.unmarshal(this.template, Deployment.class);
	}

	private Deployment build(Deployment template, String profile, int replicas) {
		if (template.getSpec() == null || template.getSpec().getTemplate() == null
				|| template.getSpec().getTemplate().getSpec().getContainers().isEmpty()
				|| template.getSpec().getSelector() == null) {
			throw new IllegalArgumentException("The engine template must be a Deployment with a selector and a container");
		}
		Map<String, String> selector = selectorOf(template, profile);
		Container engine = template.getSpec().getTemplate().getSpec().getContainers().get(0);
		List<String> args = new ArrayList<>((engine.getArgs() != null) ? engine.getArgs() : List.of());
		// Only this profile's topic, in a consumer group of its own: a rebalance of one
		// profile's engines never stops another profile's.
		args.add("--rivalry.engine.profiles=" + profile);
		args.add("--spring.cloud.stream.bindings.tickets-in-0.group=rivalry-engine." + profile);
		engine.setArgs(args);
		return new DeploymentBuilder(template)
			.editOrNewMetadata().withName(nameOf(profile)).addToLabels(selector)
			// The template comes from Helm; what is made from it is the operator's.
			.addToLabels("app.kubernetes.io/managed-by", "rivalry-operator").endMetadata()
			.editSpec().withReplicas(replicas).editSelector().withMatchLabels(selector).endSelector()
			.editTemplate().editOrNewMetadata().addToLabels(selector).endMetadata().endTemplate().endSpec()
			.build();
	}

	private static Map<String, String> selectorOf(Deployment template, String profile) {
		Map<String, String> selector = new LinkedHashMap<>(template.getSpec().getSelector().getMatchLabels());
		selector.put(COMPONENT_LABEL, COMPONENT);
		selector.put(PROFILE_LABEL, profile);
		return selector;
	}

}
