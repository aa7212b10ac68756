package dev.rivalry.profiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

import dev.rivalry.profiles.filter.Filter;

/**
 * Reads profile files (the format is in {@code docs/profiles.md}). The YAML is composed
 * to a node tree rather than bound to objects so that every problem can name its line
 * and column; all problems found are reported together in one
 * {@link InvalidProfilesException}. Scalars follow YAML 1.2 ({@code no} is a string).
 * Stateless and thread safe.
 */
public final class ProfilesLoader {

	private static final String PROFILES = "profiles";

	/** Top-level keys starting so are ignored: a place for YAML anchors, as in Compose files. */
	private static final String EXTENSION_PREFIX = "x-";

	private ProfilesLoader() {
	}

	/**
	 * Reads a profile file.
	 * @param path the file, read as UTF-8; problems name it as given
	 * @return the profiles
	 * @throws IOException when the file cannot be read
	 * @throws InvalidProfilesException when its content is not a valid profile file
	 */
	public static MatchProfiles load(Path path) throws IOException {
		return parse(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
	}

	/**
	 * Reads the content of a profile file.
	 * @param source how problems name the file, e.g. {@code profiles.yml}
	 * @param yaml the content
	 * @return the profiles, in file order
	 * @throws InvalidProfilesException when the content is not a valid profile file
	 */
	public static MatchProfiles parse(String source, String yaml) {
		Problems problems = new Problems(Objects.requireNonNull(source, "source"));
		Node root = compose(yaml, problems);
		List<Profile> profiles = (root != null) ? profiles(root, problems) : List.of();
		if (root == null && problems.size() == 0) {
			problems.add((Node) null, null, null, "is empty: it needs a 'profiles' list of at least one profile");
		}
		problems.throwIfAny();
		return MatchProfiles.of(profiles);
	}

	/**
	 * Reads a lone filter, e.g. {@code {term: {mode: duel}}}; problems name its fields
	 * {@code filter...}.
	 * @param source how problems name the text
	 * @param yaml the filter
	 * @return the filter
	 * @throws InvalidProfilesException when it is not a valid filter
	 */
	public static Filter parseFilter(String source, String yaml) {
		Problems problems = new Problems(Objects.requireNonNull(source, "source"));
		Node root = compose(yaml, problems);
		Filter filter = null;
		if (root != null) {
			filter = FilterReader.read(root, "filter", new Context(problems, null));
		}
		else if (problems.size() == 0) {
			problems.add((Node) null, null, "filter", "is empty");
		}
		problems.throwIfAny();
		return filter;
	}

	private static Node compose(String yaml, Problems problems) {
		LoaderOptions options = new LoaderOptions();
		options.setMergeOnCompose(true);
		// Duplicate keys are found by MappingReader, with both lines in the message.
		options.setAllowDuplicateKeys(true);
		try {
			Composer composer = new Composer(new ParserImpl(new StreamReader(yaml), options), new Yaml12Resolver(),
					options);
			return composer.getSingleNode();
		}
		catch (MarkedYAMLException ex) {
			problems.add((ex.getProblemMark() != null) ? ex.getProblemMark() : ex.getContextMark(), null, null,
					"is not valid YAML: " + ((ex.getContext() != null) ? ex.getContext() + ", " : "") + ex.getProblem());
		}
		catch (YAMLException ex) {
			problems.add((Node) null, null, null, "is not valid YAML: " + ex.getMessage());
		}
		return null;
	}

	private static List<Profile> profiles(Node root, Problems problems) {
		Context file = new Context(problems, null);
		if (!(root instanceof MappingNode mapping)) {
			file.error(root, null, "the file must be a mapping with a 'profiles' list, not " + Nodes.describe(root));
			return List.of();
		}
		Node profilesNode = null;
		for (NodeTuple tuple : mapping.getValue()) {
			String key = Nodes.key(tuple.getKeyNode(), "the file", file);
			if (PROFILES.equals(key) && profilesNode != null) {
				file.error(tuple.getKeyNode(), key, "is given twice (first on line "
						+ (profilesNode.getStartMark().getLine() + 1) + ")");
			}
			else if (PROFILES.equals(key)) {
				profilesNode = tuple.getValueNode();
			}
			else if (key != null && !key.startsWith(EXTENSION_PREFIX)) {
				file.error(tuple.getKeyNode(), key, MappingReader.unknown(key, List.of(PROFILES))
						+ " (or a name starting with " + EXTENSION_PREFIX + " for anchors)");
			}
		}
		if (profilesNode == null) {
			file.error(root, PROFILES, "is required: a list of at least one profile");
			return List.of();
		}
		List<Node> items = Nodes.sequence(profilesNode, PROFILES, file, false);
		if (items != null && items.isEmpty()) {
			file.error(profilesNode, PROFILES, "must have at least one profile");
		}
		List<Profile> profiles = new ArrayList<>();
		ProfileReader reader = new ProfileReader(problems);
		for (int i = 0; (items != null) && i < items.size(); i++) {
			Profile profile = reader.read(items.get(i), i);
			if (profile != null) {
				profiles.add(profile);
			}
		}
		return profiles;
	}

}
