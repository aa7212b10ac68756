package dev.rivalry.operator.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import dev.rivalry.operator.resource.MatchProfileSpec;
import dev.rivalry.profiles.InvalidProfilesException;
import dev.rivalry.profiles.InvalidProfilesException.Problem;
import dev.rivalry.profiles.MatchProfiles;
import dev.rivalry.profiles.ProfilesLoader;

/**
 * MatchProfile specs as profile-file text, judged by the same reader the matchmaker and
 * the engines use ({@code common-profiles}): a spec is accepted exactly when the services
 * would read it. Stateless and thread safe.
 */
public final class ProfileDocuments {

	/** The spec's own keys that are not part of a profile. */
	private static final List<String> RESOURCE_KEYS = List.of("priority", "engine");

	private static final ObjectMapper JSON = new ObjectMapper();

	private ProfileDocuments() {
	}

	/**
	 * @param source how the reader's messages name the resource, e.g. {@code games/duel}
	 * @param name the profile's name (the resource's)
	 * @param spec the spec
	 * @return the reader's verdict; an invalid spec's message names each field as
	 * {@code spec.<field>} (the name as {@code metadata.name})
	 */
	public static SpecVerdict judge(String source, String name, MatchProfileSpec spec) {
		try {
			MatchProfiles profiles = ProfilesLoader.parse(source, render(List.of(new NamedSpec(name, spec)), null));
			return new SpecVerdict.Accepted(profiles.all().get(0));
		}
		catch (InvalidProfilesException ex) {
			return new SpecVerdict.Invalid(ex.problems().stream().map(ProfileDocuments::describe)
				.collect(Collectors.joining("; ")));
		}
	}

	/**
	 * The profile file of these specs, in the order given.
	 * @param specs named specs
	 * @param header a comment put first, or null
	 * @return YAML that {@code ProfilesLoader} reads
	 */
	public static String render(List<NamedSpec> specs, String header) {
		List<Map<String, Object>> profiles = new ArrayList<>();
		for (NamedSpec named : specs) {
			profiles.add(entry(named));
		}
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndent(2);
		options.setIndicatorIndent(2);
		options.setIndentWithIndicator(true);
		String yaml = new Yaml(options).dump(Map.of("profiles", profiles));
		return (header != null) ? header.lines().map((line) -> "# " + line).collect(Collectors.joining("\n", "", "\n")) + yaml
				: yaml;
	}

	private static Map<String, Object> entry(NamedSpec named) {
		Map<String, Object> fields = JSON.convertValue(named.spec(), new TypeReference<LinkedHashMap<String, Object>>() {
		});
		RESOURCE_KEYS.forEach(fields::remove);
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("name", named.name());
		entry.putAll(fields);
		return entry;
	}

	private static String describe(Problem problem) {
		String field = (problem.field() == null) ? null
				: "name".equals(problem.field()) ? "metadata.name" : "spec." + problem.field();
		return (field != null) ? field + " " + problem.message() : problem.message();
	}

	/**
	 * @param name the profile's name
	 * @param spec its spec
	 */
	public record NamedSpec(String name, MatchProfileSpec spec) {
	}

}
