package dev.rivalry.testsupport.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import tools.jackson.databind.json.JsonMapper;

/**
 * Generators for hostile HTTP input, shared by every service's fuzz tests: JSON documents of
 * any shape (nulls, deep nesting, huge and non-finite numbers, long and odd strings), text
 * that is almost JSON, path segments and header values.
 */
public final class FuzzArbitraries {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private FuzzArbitraries() {
	}

	/** @return strings short and long, ASCII, Unicode and control characters */
	public static Arbitrary<String> strings() {
		return Arbitraries.oneOf(Arbitraries.strings().ascii().ofMaxLength(12),
				Arbitraries.strings().all().ofMaxLength(40), Arbitraries.strings().alpha().ofMinLength(300).ofMaxLength(5000),
				Arbitraries.of("", " ", "null", "eu", "duel", "alice", "../..", "%00", "<script>", "\u0000", "é", "🎮"));
	}

	/** @return any JSON value, up to a few levels deep */
	public static Arbitrary<Object> jsonValues() {
		return jsonValue(3);
	}

	private static Arbitrary<Object> jsonValue(int depth) {
		Arbitrary<Object> leaves = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of(true, false),
				Arbitraries.integers().map(Object.class::cast), Arbitraries.longs().map(Object.class::cast),
				Arbitraries.doubles().map(Object.class::cast), strings().map(Object.class::cast));
		if (depth == 0) {
			return leaves;
		}
		Arbitrary<Object> lists = jsonValue(depth - 1).list().ofMaxSize(5).map(Object.class::cast);
		Arbitrary<Object> objects = Arbitraries.maps(strings(), jsonValue(depth - 1))
			.ofMaxSize(5)
			.map((map) -> (Object) new LinkedHashMap<>(map));
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, leaves), net.jqwik.api.Tuple.of(1, lists),
				net.jqwik.api.Tuple.of(1, objects));
	}

	/**
	 * @param shapes well-formed bodies of the endpoint, to be mutated: fields replaced by
	 * anything, removed, or the whole body replaced by hostile text
	 * @return request bodies
	 */
	public static Arbitrary<String> bodies(List<Map<String, Object>> shapes) {
		Arbitrary<String> mutated = Arbitraries.of(shapes)
			.flatMap((shape) -> Arbitraries.of(List.copyOf(shape.keySet()))
				.flatMap((field) -> jsonValues().map((value) -> {
					Map<String, Object> copy = new LinkedHashMap<>(shape);
					copy.put(field, value);
					return write(copy);
				})));
		return Arbitraries.oneOf(mutated, Arbitraries.of(shapes).map(FuzzArbitraries::write),
				jsonValues().map(FuzzArbitraries::write), hostileText());
	}

	/** @return text that breaks parsers: deep nesting, non-finite numbers, truncation, huge documents */
	public static Arbitrary<String> hostileText() {
		return Arbitraries.oneOf(Arbitraries.integers().between(1, 5000).map((depth) -> "[".repeat(depth) + "]".repeat(depth)),
				Arbitraries.integers().between(1, 5000).map((depth) -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)),
				Arbitraries.of("1e999", "-1e999", "NaN", "{\"players\":1e999}", "{\"players\":[{\"id\":1e999}]}", "{", "}",
						"{\"players\":", "[1,2,", "\"unterminated", "{\"a\":\"\\ud800\"}", "\u0000", "true", "null",
						"{\"attributes\":{\"region\":null}}"),
				Arbitraries.strings().ascii().ofMinLength(100_000).ofMaxLength(300_000), strings());
	}

	/** @return a path segment as it would be typed, percent-encoded so it stays one segment */
	public static Arbitrary<String> pathSegments() {
		return strings().map((segment) -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
	}

	/** @return {@code Authorization} values that are no credential at all */
	public static Arbitrary<String> junkAuthorizations() {
		return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of("Bearer", "Bearer ", "Basic YWxhZGRpbjpvcGVu",
				"Bearer a.b.c", "Bearer eyJhbGciOiJub25lIn0.e30.", "bearer x"),
				Arbitraries.strings().withCharRange('!', '~').ofMaxLength(300).map((token) -> "Bearer " + token));
	}

	/** @return {@code Content-Type} values */
	public static Arbitrary<String> contentTypes() {
		return Arbitraries.of("application/json", "application/json", "text/plain", "application/x-www-form-urlencoded",
				"application/json; charset=latin1", null);
	}

	private static String write(Object value) {
		return JSON.writeValueAsString(value);
	}

}
