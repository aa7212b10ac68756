package dev.rivalry.matchmaker.dashboard;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A part of the dashboard read from other services, with how the reading went.
 *
 * @param status how complete {@code data} is
 * @param data what the services that answered said, or absent
 * @param unavailable the services that did not answer in time, by URL
 * @param <T> the data
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Section<T>(Status status, T data, List<String> unavailable) {

	static <T> Section<T> off() {
		return new Section<>(Status.OFF, null, List.of());
	}

	static <T> Section<T> of(T data, List<String> unavailable, int asked) {
		if (unavailable.size() >= asked) {
			return new Section<>(Status.UNAVAILABLE, null, List.copyOf(unavailable));
		}
		return new Section<>(unavailable.isEmpty() ? Status.OK : Status.PARTIAL, data, List.copyOf(unavailable));
	}

	enum Status {

		/** Every service answered. */
		OK,
		/** Some answered: the data is theirs only. */
		PARTIAL,
		/** None answered: the dashboard shows the section as unavailable. */
		UNAVAILABLE,
		/** No service is configured: the dashboard hides the section. */
		OFF

	}

}
