package dev.rivalry.operator.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The Helm chart in {@code deploy/helm/rivalry}, linted and rendered by Helm's own library
 * (helm-java), and its manifests parsed into fabric8's typed model.
 */
final class Chart {

	/** The chart, from the module's directory (where Maven runs the tests). */
	static final Path DIRECTORY = Path.of("..", "deploy", "helm", "rivalry").toAbsolutePath().normalize();

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

	private Chart() {
	}

	/** @return the values files of {@code ci/}, which the tests render besides the defaults */
	static List<Path> valuesFiles() {
		try (Stream<Path> files = Files.list(DIRECTORY.resolve("ci"))) {
			return files.filter((file) -> file.toString().endsWith("-values.yaml")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param values a values file, or null for the defaults
	 * @return the manifests {@code helm template} renders (release {@code r1}, namespace {@code games})
	 */
	static List<HasMetadata> render(Path values) {
		var template = new Helm(DIRECTORY).template().withName("r1").withNamespace("games");
		if (values != null) {
			template.withValuesFile(values);
		}
		return parse(template.call());
	}

	/**
	 * @param name a value's path
	 * @param value what to set it to
	 * @return the rendered manifests
	 */
	static String renderSetting(String name, Object value) {
		return new Helm(DIRECTORY).template().withName("r1").withNamespace("games").set(name, value).call();
	}

	/**
	 * {@code helm lint} with the values of a file over the defaults: a copy of the chart
	 * whose values.yaml holds them (helm-java's lint takes no values file).
	 * @param values a values file, or null for the defaults
	 * @param scratch a directory for the copy
	 * @return Helm's verdict
	 */
	static LintResult lint(Path values, Path scratch) throws IOException {
		if (values == null) {
			return new Helm(DIRECTORY).lint().strict().call();
		}
		Path copy = scratch.resolve("rivalry");
		try (Stream<Path> files = Files.walk(DIRECTORY)) {
			for (Path file : files.toList()) {
				Path target = copy.resolve(DIRECTORY.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
		Map<String, Object> merged = merge(read(DIRECTORY.resolve("values.yaml")), read(values));
		YAML.writeValue(copy.resolve("values.yaml").toFile(), merged);
		return new Helm(copy).lint().strict().call();
	}

	private static List<HasMetadata> parse(String manifests) {
		List<HasMetadata> resources = new ArrayList<>();
		for (String document : manifests.split("(?m)^---\\s*$")) {
			if (!document.lines().allMatch((line) -> line.isBlank() || line.startsWith("#"))) {
				resources.add(SERIALIZATION.unmarshal(document, HasMetadata.class));
			}
		}
		return resources;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> read(Path file) throws IOException {
		Map<String, Object> values = YAML.readValue(file.toFile(), Map.class);
		return (values != null) ? values : new LinkedHashMap<>();
	}

	/** Helm's coalescing: maps merge key by key, anything else is replaced. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
		Map<String, Object> merged = new LinkedHashMap<>(base);
		over.forEach((key, value) -> {
			if (value instanceof Map<?, ?> map && merged.get(key) instanceof Map<?, ?> existing) {
				merged.put(key, merge((Map<String, Object>) existing, (Map<String, Object>) map));
			}
			else {
				merged.put(key, value);
			}
		});
		return merged;
	}

}
