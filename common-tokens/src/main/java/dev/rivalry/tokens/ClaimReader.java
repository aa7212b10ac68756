package dev.rivalry.tokens;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.rivalry.tokens.Rejected.Reason;

/**
 * Typed reads of a verified payload's claims. An absent (or {@code null}) required claim is
 * a {@link Reason#MISSING_CLAIM}; a claim of the wrong JSON type is {@link Reason#MALFORMED}.
 */
final class ClaimReader {

	private final Map<String, Object> claims;

	ClaimReader(Map<String, Object> claims) {
		this.claims = claims;
	}

	String text(String name) {
		Object value = required(name);
		if (!(value instanceof String text) || text.isBlank()) {
			throw malformed(name, "a non-blank string");
		}
		return text;
	}

	String optionalText(String name) {
		Object value = this.claims.get(name);
		if (value != null && !(value instanceof String)) {
			throw malformed(name, "a string");
		}
		return (String) value;
	}

	/** An optional boolean claim: absent is {@code false}. */
	boolean flag(String name) {
		Object value = this.claims.get(name);
		if (value != null && !(value instanceof Boolean)) {
			throw malformed(name, "a boolean");
		}
		return Boolean.TRUE.equals(value);
	}

	Instant time(String name) {
		return toTime(name, required(name));
	}

	Instant optionalTime(String name) {
		Object value = this.claims.get(name);
		return (value != null) ? toTime(name, value) : null;
	}

	/** The {@code aud} claim: a string or an array of strings (RFC 7519, 4.1.3). */
	List<String> audience() {
		Object value = required("aud");
		if (value instanceof String text) {
			return List.of(text);
		}
		if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
			return list.stream().map(String.class::cast).toList();
		}
		throw malformed("aud", "a string or an array of strings");
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> object(String name) {
		if (!(required(name) instanceof Map<?, ?> map)) {
			throw malformed(name, "an object");
		}
		return (Map<String, Object>) map;
	}

	List<Participant> participants() {
		if (!(required("participants") instanceof List<?> list)) {
			throw malformed("participants", "an array");
		}
		List<Participant> participants = new ArrayList<>(list.size());
		for (Object element : list) {
			if (!(element instanceof Map<?, ?> entry) || !(entry.get("id") instanceof String id)
					|| !(entry.get("team") instanceof Long team) || team < 0 || team > Integer.MAX_VALUE) {
				throw malformed("participants", "an array of {id, team} objects");
			}
			participants.add(new Participant(id, team.intValue()));
		}
		return participants;
	}

	private Object required(String name) {
		Object value = this.claims.get(name);
		if (value == null) {
			throw new Rejection(Reason.MISSING_CLAIM, "claim '" + name + "' is missing");
		}
		return value;
	}

	private static Instant toTime(String name, Object value) {
		if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
			throw malformed(name, "a number of seconds");
		}
		return Instant.ofEpochSecond(number.longValue());
	}

	private static Rejection malformed(String name, String expected) {
		return new Rejection(Reason.MALFORMED, "claim '" + name + "' is not " + expected);
	}

}
