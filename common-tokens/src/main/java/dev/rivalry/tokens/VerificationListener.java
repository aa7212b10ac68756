package dev.rivalry.tokens;

/**
 * Told about every verification outcome, e.g. to count them. Called on the thread that
 * completed the verification, which may be an event loop: implementations must be fast,
 * must not block and must not throw.
 */
public interface VerificationListener {

	/** @param kind the kind of a token that verified */
	default void verified(TokenKind<?> kind) {
	}

	/**
	 * @param kind the kind the token was checked against
	 * @param reason why it was rejected
	 */
	default void rejected(TokenKind<?> kind, Rejected.Reason reason) {
	}

	/** @return a listener that does nothing */
	static VerificationListener none() {
		return new VerificationListener() {
		};
	}

}
