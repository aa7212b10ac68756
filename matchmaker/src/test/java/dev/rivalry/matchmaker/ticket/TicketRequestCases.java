package dev.rivalry.matchmaker.ticket;

import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The rules of a ticket's body (docs/api.md, "Limits") as one table, run by
 * {@link TicketSchemaTests} against the schema alone and by
 * {@link TicketSchemaIntegrationTests} through HTTP, Redis and Kafka. Bodies are written
 * for the matchmaker's test profiles ({@code test-profiles.yml}: {@code duel} and
 * {@code squad} allow the regions eu, us and ap; {@code blitz} any well-formed region).
 * {@value #PLAYER} stands for a fresh player id.
 */
final class TicketRequestCases {

	/** Replaced by a fresh player id in each body. */
	static final String PLAYER = "PLAYER";

	private TicketRequestCases() {
	}

	/**
	 * One body and what becomes of it.
	 *
	 * @param name what the case shows
	 * @param body the JSON body, with {@value #PLAYER} for the player's id
	 * @param field the field the refusal names, or null when the ticket is accepted
	 * @param message a part of the refusal's message, or null when accepted
	 */
	record Case(String name, String body, String field, String message) {

		boolean accepted() {
			return this.field == null;
		}

		String bodyFor(String playerId) {
			return this.body.replace('"' + PLAYER + '"', '"' + playerId + '"');
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Stream<Case> all() {
		return Stream.of(accepted(), attributes(), poolKeys(), latencies(), players(), requestIds()).flatMap((s) -> s);
	}

	static Stream<Case> refused() {
		return all().filter((c) -> !c.accepted());
	}

	private static Stream<Case> accepted() {
		return Stream.of(
				accept("a duel in an allowed region", duel("\"region\": \"eu\"")),
				accept("every kind of value", duel("\"region\": \"us\", \"skill\": 1500.5, \"level\": 12, \"ranked\": true, "
						+ "\"tags\": [\"casual\", 3, false], \"note\": \"" + "n".repeat(256) + "\"")),
				accept("the largest finite number", duel("\"region\": \"eu\", \"skill\": 1.7976931348623157e308")),
				accept("a name of 64 characters", duel("\"region\": \"eu\", \"a" + "b".repeat(63) + "\": 1")),
				accept("names with digits, _ . and -", duel("\"region\": \"eu\", \"x_1.y-2\": 1")),
				accept("a list of 32 items", duel("\"region\": \"eu\", \"tags\": " + list(32))),
				accept("an empty list", duel("\"region\": \"eu\", \"tags\": []")),
				accept("32 attributes", duel("\"region\": \"eu\"" + attributes(30))),
				accept("any well-formed region where the profile lists none",
						body("\"mode\": \"blitz\", \"region\": \"moon-base_7.a\"")),
				accept("latencies to known regions at the bounds",
						"{\"players\": [{\"id\": \"PLAYER\"}], \"attributes\": {\"mode\": \"duel\", \"region\": \"eu\"}, "
								+ "\"latencies\": {\"eu\": 0, \"us\": 10000, \"ap\": 80}}"),
				accept("a player id of 128 characters",
						"{\"players\": [{\"id\": \"PLAYER\"}, {\"id\": \"" + "p".repeat(128) + "\"}], "
								+ "\"attributes\": {\"mode\": \"squad\", \"region\": \"ap\"}}"),
				accept("a request id", "{\"players\": [{\"id\": \"PLAYER\"}], \"attributes\": {\"mode\": \"duel\", "
						+ "\"region\": \"eu\"}, \"requestId\": \"retry-1:a/b~\"}"));
	}

	private static Stream<Case> attributes() {
		return Stream.of(
				refuse("a null value", duel("\"region\": \"eu\", \"rank\": null"), "attributes.rank", "must not be null"),
				refuse("an object", duel("\"region\": \"eu\", \"badges\": {\"veteran\": true}"), "attributes.badges",
						"not an object"),
				refuse("a deeply nested object", duel("\"region\": \"eu\", \"deep\": " + "{\"a\": ".repeat(12) + "1"
						+ "}".repeat(12)), "attributes.deep", "not an object"),
				refuse("a list in a list", duel("\"region\": \"eu\", \"tags\": [\"a\", [\"b\"]]"), "attributes.tags[1]",
						"lists are flat"),
				refuse("an object in a list", duel("\"region\": \"eu\", \"tags\": [\"a\", \"b\", \"c\", {\"d\": 1}]"),
						"attributes.tags[3]", "lists are flat"),
				refuse("a null in a list", duel("\"region\": \"eu\", \"tags\": [\"a\", null]"), "attributes.tags[1]",
						"must not be null"),
				refuse("an infinite number", duel("\"region\": \"eu\", \"skill\": 1e999"), "attributes.skill",
						"must be a finite number"),
				refuse("a negative infinite number", duel("\"region\": \"eu\", \"skill\": -1e999"), "attributes.skill",
						"must be a finite number"),
				refuse("an infinite number in a list", duel("\"region\": \"eu\", \"scores\": [1, 2e400]"),
						"attributes.scores[1]", "must be a finite number"),
				refuse("a string of 257 characters", duel("\"region\": \"eu\", \"note\": \"" + "n".repeat(257) + "\""),
						"attributes.note", "at most 256 characters"),
				refuse("a string of 8 KiB", duel("\"region\": \"eu\", \"note\": \"" + "n".repeat(8192) + "\""),
						"attributes.note", "at most 256 characters"),
				refuse("a list of 33 items", duel("\"region\": \"eu\", \"tags\": " + list(33)), "attributes.tags",
						"at most 32 items"),
				refuse("33 attributes", duel("\"region\": \"eu\"" + attributes(31)), "attributes",
						"33 attributes, at most 32"),
				refuse("a name starting with a digit", duel("\"region\": \"eu\", \"1st\": true"), "attributes",
						"'1st' is not an attribute name"),
				refuse("a name with a space", duel("\"region\": \"eu\", \"game mode\": 1"), "attributes",
						"'game mode' is not an attribute name"),
				refuse("a name of 65 characters", duel("\"region\": \"eu\", \"a" + "b".repeat(64) + "\": 1"), "attributes",
						"is not an attribute name"),
				refuse("an empty name", duel("\"region\": \"eu\", \"\": 1"), "attributes", "is not an attribute name"));
	}

	private static Stream<Case> poolKeys() {
		return Stream.of(
				refuse("a region the profile does not allow", duel("\"region\": \"mars\""), "attributes.region",
						"must be one of eu, us, ap"),
				refuse("a region in the wrong case", duel("\"region\": \"EU\""), "attributes.region",
						"must be one of eu, us, ap"),
				refuse("a region of 65 characters", body("\"mode\": \"blitz\", \"region\": \"" + "r".repeat(65) + "\""),
						"attributes.region", "1 to 64 letters"),
				refuse("a region of 8 KiB", duel("\"region\": \"" + "r".repeat(8192) + "\""), "attributes.region",
						"at most 256 characters"),
				refuse("a region with a space", body("\"mode\": \"blitz\", \"region\": \"e u\""), "attributes.region",
						"1 to 64 letters"),
				refuse("a region with a slash", body("\"mode\": \"blitz\", \"region\": \"eu/1\""), "attributes.region",
						"1 to 64 letters"),
				refuse("a blank region", duel("\"region\": \" \""), "attributes.region", "1 to 64 letters"),
				refuse("a list of regions", duel("\"region\": [\"eu\"]"), "attributes.region", "1 to 64 letters"));
	}

	private static Stream<Case> latencies() {
		String prefix = "{\"players\": [{\"id\": \"PLAYER\"}], \"attributes\": {\"mode\": \"duel\", \"region\": \"eu\"}, "
				+ "\"latencies\": ";
		return Stream.of(
				refuse("a latency to an unknown region", prefix + "{\"eu\": 20, \"mars\": 10}}", "latencies.mars",
						"is not a known region"),
				refuse("a latency to a malformed region", prefix + "{\"e u\": 10}}", "latencies",
						"'e u' is not a region name"),
				refuse("a negative latency", prefix + "{\"eu\": -1}}", "latencies.eu", "must be 0 to 10000 milliseconds"),
				refuse("a latency over ten seconds", prefix + "{\"eu\": 10001}}", "latencies.eu",
						"must be 0 to 10000 milliseconds"),
				refuse("a null latency", prefix + "{\"eu\": null}}", "latencies.eu", "must not be null"));
	}

	private static Stream<Case> players() {
		return Stream.of(
				refuse("no players", "{\"attributes\": {\"mode\": \"duel\", \"region\": \"eu\"}}", "players",
						"must not be empty"),
				refuse("an empty list of players", "{\"players\": [], \"attributes\": {\"mode\": \"duel\"}}", "players",
						"must not be empty"),
				refuse("a null player", "{\"players\": [null], \"attributes\": {\"mode\": \"duel\"}}", "players[0]",
						"must not be null"),
				refuse("a player without an id", "{\"players\": [{}], \"attributes\": {\"mode\": \"duel\"}}", "players[0].id",
						"must not be null"),
				refuse("a blank player id", "{\"players\": [{\"id\": \"\"}], \"attributes\": {\"mode\": \"duel\"}}",
						"players[0].id", "letters, digits"),
				refuse("a player id with a space",
						"{\"players\": [{\"id\": \"PLAYER\"}, {\"id\": \"a b\"}], \"attributes\": {\"mode\": \"squad\"}}",
						"players[1].id", "letters, digits"),
				refuse("a player id with a slash", "{\"players\": [{\"id\": \"backend/x\"}], \"attributes\": {\"mode\": \"duel\"}}",
						"players[0].id", "letters, digits"),
				refuse("a player id of 129 characters",
						"{\"players\": [{\"id\": \"" + "p".repeat(129) + "\"}], \"attributes\": {\"mode\": \"duel\"}}",
						"players[0].id", "1 to 128"),
				refuse("eleven players", "{\"players\": [" + IntStream.range(0, 11)
					.mapToObj((i) -> "{\"id\": \"p" + i + "\"}")
					.collect(Collectors.joining(", ")) + "], \"attributes\": {\"mode\": \"squad\"}}", "players",
						"11 players, at most 10"));
	}

	private static Stream<Case> requestIds() {
		String prefix = "{\"players\": [{\"id\": \"PLAYER\"}], \"attributes\": {\"mode\": \"duel\", \"region\": \"eu\"}, "
				+ "\"requestId\": ";
		return Stream.of(
				refuse("an empty request id", prefix + "\"\"}", "requestId", "1 to 128 printable ASCII"),
				refuse("a request id with a space", prefix + "\"a b\"}", "requestId", "1 to 128 printable ASCII"),
				refuse("a request id of 129 characters", prefix + "\"" + "r".repeat(129) + "\"}", "requestId",
						"1 to 128 printable ASCII"));
	}

	private static Case accept(String name, String body) {
		return new Case(name, body, null, null);
	}

	private static Case refuse(String name, String body, String field, String message) {
		return new Case(name, body, field, message);
	}

	/** A one-player body with these attributes (JSON members, without braces). */
	private static String body(String attributes) {
		return "{\"players\": [{\"id\": \"PLAYER\"}], \"attributes\": {" + attributes + "}}";
	}

	/** A one-player duel with these further attributes. */
	private static String duel(String attributes) {
		return body("\"mode\": \"duel\", " + attributes);
	}

	private static String list(int items) {
		return Collections.nCopies(items, "\"t\"").stream().collect(Collectors.joining(", ", "[", "]"));
	}

	/** {@code count} more attributes, each with a comma before it. */
	private static String attributes(int count) {
		return IntStream.range(0, count).mapToObj((i) -> ", \"a" + i + "\": " + i).collect(Collectors.joining());
	}

}
