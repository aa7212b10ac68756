package dev.rivalry.profiles;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A profile file that cannot be used. The message lists every problem found, one a line,
 * each as {@code <file>:<line>:<column>: profile '<name>': <field> <what is wrong>}, e.g.
 * {@code profiles.yml:12:7: profile 'duel': teams.size must be >= 1}.
 */
public class InvalidProfilesException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient List<Problem> problems;

	/**
	 * @param problems one or more problems, in file order
	 */
	public InvalidProfilesException(List<Problem> problems) {
		super(message(problems));
		this.problems = List.copyOf(problems);
	}

	private static String message(List<Problem> problems) {
		if (problems.isEmpty()) {
			throw new IllegalArgumentException("an InvalidProfilesException needs at least one problem");
		}
		return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
	}

	/** @return the problems, in file order; never empty */
	public List<Problem> problems() {
		return this.problems;
	}

	/**
	 * One thing wrong in a profile file.
	 *
	 * @param source the file, as the loader was told to name it
	 * @param line 1-based line
	 * @param column 1-based column
	 * @param profile the profile's name, {@code #n} (1-based position) when it has no
	 * valid name, or null for problems outside any profile
	 * @param field the field's path within the profile (e.g. {@code teams.size},
	 * {@code strategy.expansions[1].after}), or null
	 * @param message what is wrong, phrased to follow the field
	 */
	public record Problem(String source, int line, int column, String profile, String field, String message) {

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder();
			text.append(this.source).append(':').append(this.line).append(':').append(this.column).append(": ");
			if (this.profile != null) {
				text.append("profile ");
				text.append(this.profile.startsWith("#") ? this.profile : "'" + this.profile + "'");
				text.append(": ");
			}
			if (this.field != null) {
				text.append(this.field).append(' ');
			}
			return text.append(this.message).toString();
		}

	}

}
