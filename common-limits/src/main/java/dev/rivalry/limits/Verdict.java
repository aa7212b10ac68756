package dev.rivalry.limits;

/**
 * What a limit says about one request: let it through, or refuse it with a problem that
 * says which limit and for how long.
 */
public sealed interface Verdict {

	/** The one let-through verdict. */
	Verdict ALLOWED = new Allowed();

	/** The request may go on. */
	record Allowed() implements Verdict {
	}

	/**
	 * The request is over a limit.
	 *
	 * @param problem the {@code 429} to answer with
	 */
	record Refused(RateLimited problem) implements Verdict {
	}

}
