package dev.rivalry.limits;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named rate limit. The name is what a refusal reports (the problem's {@code limit}
 * property, the {@code limit} tag of {@code rivalry.limits.refused}) and part of the Redis
 * key of each bucket, so it is stable and shared by every instance: by convention the name
 * of its setting, e.g. {@code creates-per-player}.
 *
 * @param name lower-case words joined by hyphens
 * @param rate how many requests it lets through
 */
public record Limit(String name, Rate rate) {

	private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	public Limit {
		checkName(name);
		Objects.requireNonNull(rate, "rate");
	}

	/** A limit's name becomes part of Redis keys and metric tags: lower-case words joined by hyphens. */
	static void checkName(String name) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("A limit's name is lower-case words joined by hyphens, was " + name);
		}
	}

}
