package dev.rivalry.profiles.autoconfigure;

/**
 * Counts what became of each new version of the profile file: on
 * {@code rivalry.profiles.reload{outcome=applied|refused}} when the service has Micrometer.
 */
interface ReloadOutcomes {

	/** Nothing is counted. */
	ReloadOutcomes NONE = new ReloadOutcomes() {
	};

	/** A new version is in force. */
	default void applied() {
	}

	/** A new version was refused; the old one stays. */
	default void refused() {
	}

}
