package dev.rivalry.client;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Turns a refused answer into a {@link ProblemException}. */
final class Problems {

	private static final Set<String> STANDARD = Set.of("type", "title", "status", "detail", "instance");

	private static final URI BLANK = URI.create("about:blank");

	/** How much of a body that is not a problem goes into the detail. */
	private static final int DETAIL_LENGTH = 200;

	private Problems() {
	}

	/**
	 * @param status the answer's status
	 * @param body the answer's body, {@code ""} when none
	 * @param retryAfter the {@code Retry-After} header, or {@code null}
	 */
	static ProblemException from(JsonMapper json, int status, String body, String retryAfter) {
		Map<String, Object> members = members(json, body);
		if (members == null) {
			String detail = body.isBlank() ? null : body.substring(0, Math.min(body.length(), DETAIL_LENGTH));
			return new ProblemException(BLANK, "HTTP " + status, status, detail, null, Map.of(), delay(retryAfter));
		}
		Map<String, Object> extensions = new LinkedHashMap<>(members);
		extensions.keySet().removeAll(STANDARD);
		extensions.values().removeIf((value) -> value == null);
		return new ProblemException(uri(members.get("type"), BLANK), text(members.get("title"), "HTTP " + status),
				status, text(members.get("detail"), null), uri(members.get("instance"), null), extensions,
				delay(retryAfter));
	}

	/** @return the body's members when it is a JSON object, else {@code null} */
	private static Map<String, Object> members(JsonMapper json, String body) {
		if (!body.trim().startsWith("{")) {
			return null;
		}
		try {
			return json.readValue(body, new TypeReference<Map<String, Object>>() {
			});
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** @return the delay of a {@code Retry-After} (whole seconds or an HTTP date), {@code null} when absent or unreadable */
	static Duration delay(String retryAfter) {
		if (retryAfter == null || retryAfter.isBlank()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.trim())));
		}
		catch (NumberFormatException notSeconds) {
			try {
				Instant at = ZonedDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration left = Duration.between(Instant.now(), at);
				return left.isNegative() ? Duration.ZERO : left;
			}
			catch (RuntimeException notADate) {
				return null;
			}
		}
	}

	private static String text(Object value, String otherwise) {
		return (value != null) ? value.toString() : otherwise;
	}

	private static URI uri(Object value, URI otherwise) {
		try {
			return (value != null) ? URI.create(value.toString()) : otherwise;
		}
		catch (IllegalArgumentException ex) {
			return otherwise;
		}
	}

}
