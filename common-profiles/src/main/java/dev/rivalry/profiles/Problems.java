package dev.rivalry.profiles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

import dev.rivalry.profiles.InvalidProfilesException.Problem;

/**
 * The problems found in one file so far. The readers report here and carry on, so one
 * run reports as many problems as it can.
 */
final class Problems {

	private final String source;

	private final List<Problem> problems = new ArrayList<>();

	Problems(String source) {
		this.source = source;
	}

	void add(Mark mark, String profile, String field, String message) {
		int line = (mark != null) ? mark.getLine() + 1 : 1;
		int column = (mark != null) ? mark.getColumn() + 1 : 1;
		this.problems.add(new Problem(this.source, line, column, profile, field, message));
	}

	void add(Node at, String profile, String field, String message) {
		add((at != null) ? at.getStartMark() : null, profile, field, message);
	}

	int size() {
		return this.problems.size();
	}

	/** Throws the problems, in file order, if there are any. */
	void throwIfAny() {
		if (!this.problems.isEmpty()) {
			List<Problem> sorted = new ArrayList<>(this.problems);
			sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
			throw new InvalidProfilesException(sorted);
		}
	}

}
