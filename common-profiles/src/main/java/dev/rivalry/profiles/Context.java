package dev.rivalry.profiles;

import org.yaml.snakeyaml.nodes.Node;

/**
 * Where the readers are: the file's problems, and the profile being read (its name, or
 * {@code #n} while it has no valid one; null outside profiles).
 */
record Context(Problems problems, String profile) {

	void error(Node at, String field, String message) {
		this.problems.add(at, this.profile, field, message);
	}

	/** @return a mark to compare with {@link #failedSince} */
	int checkpoint() {
		return this.problems.size();
	}

	boolean failedSince(int checkpoint) {
		return this.problems.size() > checkpoint;
	}

}
