package dev.rivalry.profiles.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.rivalry.profiles.InvalidProfilesException;

/**
 * Turns an invalid profile file into a short start-up report: each problem on its own
 * line, instead of a stack trace.
 */
class InvalidProfilesFailureAnalyzer extends AbstractFailureAnalyzer<InvalidProfilesException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidProfilesException cause) {
		int count = cause.problems().size();
		String description = "The match profile file is invalid (" + count + ((count == 1) ? " problem" : " problems")
				+ "):\n\n" + cause.getMessage().indent(4);
		String action = "Fix the file named above (see docs/profiles.md for its format), or point "
				+ ProfilesAutoConfiguration.LOCATION_PROPERTY + " at another one.";
		return new FailureAnalysis(description, action, cause);
	}

}
