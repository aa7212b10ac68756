package dev.rivalry.operator.profile;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.rivalry.operator.profile.ProfileDocuments.NamedSpec;
import dev.rivalry.profiles.InvalidProfilesException;
import dev.rivalry.profiles.ProfilesLoader;

/**
 * The merged profile file of a namespace's MatchProfiles, in the ConfigMap the matchmakers
 * (and the engines) mount and reload. Profiles are ordered by {@code spec.priority}, then
 * by name, so the file, and which profile owns a ticket, never depends on the order the
 * resources were made or listed in. Writes are serialised: each write holds the whole
 * namespace's state, so the last one is right.
 */
public final class ProfilesConfigMap {

	/** Label on the ConfigMap, so that it can be found and told apart from a hand-made one. */
	public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

	static final String HEADER = """
			Written by the rivalry operator from the namespace's MatchProfile resources,
			ordered by spec.priority, then name. Edits here are overwritten: change the resources.""";

	private static final Logger logger = LoggerFactory.getLogger(ProfilesConfigMap.class);

	private static final Comparator<Ranked> ORDER = Comparator.comparingInt(Ranked::priority)
		.thenComparing(Ranked::name);

	private final KubernetesClient client;

	private final String name;

	private final String key;

	/**
	 * @param client the cluster
	 * @param name the ConfigMap's name
	 * @param key the key holding the file (the file's name where it is mounted)
	 */
	public ProfilesConfigMap(KubernetesClient client, String name, String key) {
		this.client = client;
		this.name = name;
		this.key = key;
	}

	/**
	 * Writes the merged file, unless it is unchanged. With no profile left the ConfigMap is
	 * left as it is: the services refuse an empty profile file and would keep theirs anyway.
	 * @param namespace the namespace
	 * @param profiles the namespace's profiles to serve, in any order
	 * @return the file as written (or as it already was); null when nothing was written
	 */
	public synchronized String write(String namespace, List<Ranked> profiles) {
		if (profiles.isEmpty()) {
			logger.warn("No MatchProfile left to serve in {}: ConfigMap {} keeps its last profiles", namespace, this.name);
			return null;
		}
		List<NamedSpec> ordered = profiles.stream().sorted(ORDER).map((ranked) -> new NamedSpec(ranked.name(), ranked.spec()))
			.toList();
		String file = ProfileDocuments.render(ordered, HEADER);
		try {
			// Each profile was accepted alone; together they must still make one valid file.
			ProfilesLoader.parse(namespace + "/" + this.name, file);
		}
		catch (InvalidProfilesException ex) {
			logger.error("Merged profiles of {} refused, ConfigMap {} unchanged: {}", namespace, this.name, ex.getMessage());
			return null;
		}
		ConfigMap existing = this.client.configMaps().inNamespace(namespace).withName(this.name).get();
		if (existing != null && existing.getData() != null && Objects.equals(existing.getData().get(this.key), file)) {
			return file;
		}
		ConfigMap wanted = new ConfigMapBuilder().withNewMetadata().withName(this.name).withNamespace(namespace)
			.addToLabels(MANAGED_BY, "rivalry-operator").endMetadata().withData(Map.of(this.key, file)).build();
		if (existing == null) {
			this.client.resource(wanted).create();
		}
		else {
			this.client.resource(new ConfigMapBuilder(existing).withData(wanted.getData()).build()).update();
		}
		logger.info("ConfigMap {}/{} now serves {}", namespace, this.name, ordered.stream().map(NamedSpec::name).toList());
		return file;
	}

	/**
	 * One profile to serve.
	 * @param name its name
	 * @param priority its priority
	 * @param spec the spec to serve (the last accepted one)
	 */
	public record Ranked(String name, int priority, dev.rivalry.operator.resource.MatchProfileSpec spec) {
	}

}
