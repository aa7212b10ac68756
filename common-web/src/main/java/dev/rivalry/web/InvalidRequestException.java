package dev.rivalry.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.http.HttpStatus;

/**
 * A request that breaks its endpoint's rules: a {@code 400 invalid-request} problem whose
 * {@code errors} list every field at fault by its path ({@code players[0].id},
 * {@code attributes.tags[3]}), the same shape {@link ProblemHandling} gives bean
 * validation's refusals. The {@code detail} names the first.
 */
public class InvalidRequestException extends ProblemException {

	/** The slug of every invalid request. */
	public static final String SLUG = "invalid-request";

	private final List<FieldError> errors;

	/**
	 * @param errors one or more fields at fault, in the order the client should read them
	 */
	public InvalidRequestException(List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST, SLUG, summary(errors),
				Map.of("errors", errors.stream().map(FieldError::toMap).toList()));
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	/** @return the first error as {@code field: message}, and how many more there are */
	static String summary(List<FieldError> errors) {
		if (errors.isEmpty()) {
			return "The request is invalid.";
		}
		FieldError first = errors.get(0);
		String more = (errors.size() > 1) ? " (and " + (errors.size() - 1) + " more)" : "";
		return first.field() + ": " + first.message() + more;
	}

	/**
	 * One field at fault.
	 *
	 * @param field its path in the body, e.g. {@code attributes.region}
	 * @param message what is wrong, never quoting more than a short part of the value
	 */
	public record FieldError(String field, String message) {

		public FieldError {
			Objects.requireNonNull(field, "field");
			Objects.requireNonNull(message, "message");
		}

		Map<String, Object> toMap() {
			return Map.of("field", this.field, "message", this.message);
		}

	}

}
