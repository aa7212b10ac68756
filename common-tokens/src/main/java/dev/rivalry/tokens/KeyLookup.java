package dev.rivalry.tokens;

/** What a key source knows about a {@code kid}. */
sealed interface KeyLookup {

	record Found(VerifyingKey key) implements KeyLookup {
	}

	/** The issuer publishes no such key (it never existed or was retired). */
	record Unknown(String detail) implements KeyLookup {
	}

	/** The issuer's keys could not be had, so the answer is unknown; callers fail closed. */
	record Unavailable(String detail) implements KeyLookup {
	}

}
