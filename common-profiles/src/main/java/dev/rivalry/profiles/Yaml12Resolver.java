package dev.rivalry.profiles;

import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Resolves plain scalars with the YAML 1.2 core schema rather than SnakeYAML's YAML 1.1
 * one, so that {@code region: no} is the string "no" (Norway), not false, and
 * {@code 1:30} or {@code 2024-01-01} are strings. Only {@code true}/{@code false} are
 * booleans; {@code null}, {@code ~} and empty are null.
 */
final class Yaml12Resolver extends Resolver {

	private static final Pattern BOOL = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");

	private static final Pattern INT = Pattern.compile("^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$");

	private static final Pattern FLOAT = Pattern.compile(
			"^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");

	private static final Pattern NULL = Pattern.compile("^(?:~|null|Null|NULL)$");

	@Override
	protected void addImplicitResolvers() {
		addImplicitResolver(Tag.BOOL, BOOL, "tTfF");
		// INT before FLOAT: the first pattern that matches wins, and "12" matches both.
		addImplicitResolver(Tag.INT, INT, "-+0123456789");
		addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
		addImplicitResolver(Tag.MERGE, Resolver.MERGE, "<");
		addImplicitResolver(Tag.NULL, NULL, "~nN");
		addImplicitResolver(Tag.NULL, Resolver.EMPTY, null);
	}

}
