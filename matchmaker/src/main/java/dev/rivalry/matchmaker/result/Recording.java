package dev.rivalry.matchmaker.result;

/**
 * What became of an attempt to record a match's first result.
 */
sealed interface Recording {

	/** This report is the match's first: it was recorded. */
	record Recorded() implements Recording {
	}

	/** The match is unknown or past its retention; nothing was recorded. */
	record MatchMissing() implements Recording {
	}

	/** The match already has a result; nothing was recorded. */
	record AlreadyReported(StoredResult earlier) implements Recording {
	}

}
