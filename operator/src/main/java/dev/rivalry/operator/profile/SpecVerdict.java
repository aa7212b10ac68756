package dev.rivalry.operator.profile;

import dev.rivalry.profiles.Profile;

/** What the profile reader made of one MatchProfile's spec. */
public sealed interface SpecVerdict {

	/** @param profile the profile the spec describes */
	record Accepted(Profile profile) implements SpecVerdict {
	}

	/** @param message every problem, each naming its field ({@code spec.teams.size must be >= 1}) */
	record Invalid(String message) implements SpecVerdict {
	}

}
