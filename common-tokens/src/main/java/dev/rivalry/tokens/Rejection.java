package dev.rivalry.tokens;

import dev.rivalry.tokens.Rejected.Reason;

/**
 * A failed check, thrown inside one synchronous verification step and turned into a
 * {@link Rejected} by {@link TokenVerifier} before it leaves that step. No stack trace:
 * rejections are expected traffic, not bugs.
 */
final class Rejection extends RuntimeException {

	private static final int MAX_QUOTED = 64;

	private final Reason reason;

	Rejection(Reason reason, String detail) {
		super(detail, null, false, false);
		this.reason = reason;
	}

	<C> Rejected<C> toResult() {
		return new Rejected<>(this.reason, getMessage());
	}

	/** Quotes a value taken from a token for a detail: shortened, no control characters. */
	static String quote(Object value) {
		if (value == null) {
			return "null";
		}
		String text = String.valueOf(value);
		StringBuilder quoted = new StringBuilder("'");
		for (int i = 0; i < Math.min(text.length(), MAX_QUOTED); i++) {
			char c = text.charAt(i);
			quoted.append(Character.isISOControl(c) ? '?' : c);
		}
		return quoted.append((text.length() > MAX_QUOTED) ? "…'" : "'").toString();
	}

}
