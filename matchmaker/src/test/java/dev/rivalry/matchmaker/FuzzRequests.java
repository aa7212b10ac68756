package dev.rivalry.matchmaker;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.rivalry.tickets.TicketIds;
import dev.rivalry.testsupport.TestIdentity;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generated requests to every matchmaker endpoint, for {@link MatchmakerFuzzTests}: JSON
 * bodies from well-formed tickets to hostile documents (deep, huge, non-finite numbers,
 * nulls, garbage bytes), path values from existing ticket ids to unprintable text, and
 * bearer tokens that are valid (a player's, a party leader's, a back end's) or not.
 */
final class FuzzRequests {

	/** Stands for the caller of a ticket request until it is drawn. */
	private static final String CALLER = "{caller}";

	/** Players the generated tokens and tickets name, so that some of them meet. */
	static final List<String> PLAYERS = List.of("fuzz-ann", "fuzz-bob", "fuzz-cy", "fuzz-dee");

	private final List<String> ticketIds;

	/** @param ticketIds ids of tickets that exist, so reads, cancels and streams find some */
	FuzzRequests(List<String> ticketIds) {
		this.ticketIds = List.copyOf(ticketIds);
	}

	/**
	 * One request, as sent.
	 *
	 * @param method the HTTP method
	 * @param path the path and query, already percent-encoded
	 * @param headers request headers (none restricted by the JDK client)
	 * @param body the body, or null for none
	 */
	record Call(String method, String path, Map<String, String> headers, String body) {

		@Override
		public String toString() {
			String shown = (this.body == null) ? "" : (this.body.length() > 300)
					? " body(" + this.body.length() + " chars)=" + this.body.substring(0, 300) + "..." : " body=" + this.body;
			return this.method + " " + this.path + " " + this.headers + shown;
		}

	}

	Arbitrary<Call> calls() {
		return Arbitraries.frequencyOf(Tuple.of(6, createTicket()), Tuple.of(2, onTicket("GET", "")),
				Tuple.of(2, onTicket("DELETE", "")), Tuple.of(2, onTicket("GET", "/events")),
				Tuple.of(1, onTicket("POST", "/accept")), Tuple.of(1, onTicket("POST", "/decline")), Tuple.of(2, results()),
				Tuple.of(1, simple("GET", pathValue().map((id) -> "/v1/players/" + id + "/ratings"))),
				Tuple.of(1, simple("GET", Arbitraries.just("/v1/profiles"))),
				Tuple.of(1, simple("GET", Arbitraries.just("/.well-known/jwks.json"))), Tuple.of(1, wrongMethod()));
	}

	/**
	 * Mostly as a new player queueing alone, so that some tickets are accepted: the caller
	 * is drawn with the rest (not by {@code flatMap}, whose fresh arbitraries would give
	 * mostly edge cases) and put in for {@value #CALLER} in the headers and the body.
	 */
	private Arbitrary<Call> createTicket() {
		TestIdentity identity = TestIdentity.get();
		return Combinators.combine(Arbitraries.integers().between(0, 100_000),
				headers(Arbitraries.just(CALLER), "application/json"),
				Arbitraries.frequencyOf(Tuple.of(5, ticketBodies()), Tuple.of(2, json(4).map(FuzzRequests::write)),
						Tuple.of(1, hostileBodies())))
			.as((n, headers, body) -> {
				String caller = "fuzz-" + n;
				Map<String, String> own = new LinkedHashMap<>(headers);
				own.computeIfPresent("Authorization", (name, value) -> value.replace(CALLER, identity.player(caller)));
				return new Call("POST", "/v1/tickets", own, body.replace(CALLER, caller));
			});
	}

	private Arbitrary<Call> onTicket(String method, String suffix) {
		String accepted = suffix.equals("/events") ? "text/event-stream" : "application/json";
		return Combinators.combine(headers(Arbitraries.of(PLAYERS), accepted), pathValue())
			.as((headers, id) -> new Call(method, "/v1/tickets/" + id + suffix, headers, null));
	}

	private Arbitrary<Call> results() {
		Arbitrary<String> body = Arbitraries.oneOf(Arbitraries.just("{\"teams\": [{\"rank\": 1}, {\"rank\": 2}]}"),
				json(3).map(FuzzRequests::write), hostileBodies());
		return Combinators.combine(headers(), pathValue(), body)
			.as((headers, id, json) -> new Call("POST", "/v1/matches/" + id + "/results", headers, json));
	}

	private Arbitrary<Call> simple(String method, Arbitrary<String> paths) {
		return Combinators.combine(headers(), paths)
			.as((headers, path) -> new Call(method, path, headers, null));
	}

	private Arbitrary<Call> wrongMethod() {
		return Combinators.combine(Arbitraries.of("PUT", "PATCH", "OPTIONS", "POST", "DELETE"),
				Arbitraries.of("/v1/tickets", "/v1/tickets/x", "/v1/profiles", "/.well-known/jwks.json", "/v1/nothing",
						"/v1/tickets/x/events/y"),
				headers(), json(2).map(FuzzRequests::write))
			.as((method, path, headers, body) -> new Call(method, path, headers, body));
	}

	/**
	 * A ticket body whose parts are each good or bad: deep enough to reach the checks past the
	 * parser. Its players are mostly the caller ({@value #CALLER}) alone, sometimes with test
	 * players.
	 */
	private Arbitrary<String> ticketBodies() {
		Arbitrary<Object> players = Arbitraries.frequencyOf(Tuple.of(4,
				Arbitraries.of(PLAYERS).list().ofMaxSize(2).uniqueElements().injectNull(0.7).map((others) -> {
					List<Object> ids = new ArrayList<>(List.of(Map.of("id", CALLER)));
					((others != null) ? others : List.<String>of()).forEach((id) -> ids.add(Map.of("id", id)));
					return ids;
				})), Tuple.of(1, json(2)));
		Arbitrary<Object> attributes = Arbitraries.frequencyOf(Tuple.of(4,
				Combinators.combine(Arbitraries.of("duel", "squad", "blitz", "golf"),
						Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of("eu", "us", "ap")),
								Tuple.of(1, Arbitraries.of("mars", "", "e u", "EU")), Tuple.of(1, text(70))),
						Arbitraries.maps(Arbitraries.oneOf(Arbitraries.of("skill", "tags", "1st", "a.b", ""), text(70)),
								json(2)).ofMaxSize(4).injectNull(0.6))
					.as((mode, region, more) -> {
						Map<String, Object> map = new LinkedHashMap<>((more != null) ? more : Map.of());
						map.put("mode", mode);
						map.put("region", region);
						return map;
					})), Tuple.of(1, json(3)));
		Arbitrary<Object> latencies = Arbitraries.frequencyOf(Tuple.of(3,
				Arbitraries.maps(Arbitraries.of("eu", "us", "ap", "mars", "e u"),
						Arbitraries.oneOf(Arbitraries.integers().between(-10, 20_000).map(Long::valueOf),
								Arbitraries.of(new Raw("1e999"), new Raw("1.5"), new Raw("99999999999")))
							.map(Object.class::cast))
					.ofMaxSize(3)
					.map(Object.class::cast)),
				Tuple.of(1, json(2)));
		return Combinators.combine(players, attributes, latencies.injectNull(0.5),
				Arbitraries.oneOf(text(140), Arbitraries.just("retry-1")).injectNull(0.5))
			.as((p, a, l, requestId) -> {
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("players", p);
				body.put("attributes", a);
				if (l != null) {
					body.put("latencies", l);
				}
				if (requestId != null) {
					body.put("requestId", requestId);
				}
				return write(body);
			});
	}

	/** Documents a client should never send: too deep, too large, not JSON at all. */
	private static Arbitrary<String> hostileBodies() {
		return Arbitraries.oneOf(Arbitraries.integers().between(1, 200).map((n) -> "[".repeat(n) + "]".repeat(n)),
				Arbitraries.integers().between(1, 60).map((n) -> "{\"a\":".repeat(n) + "1" + "}".repeat(n)),
				Arbitraries.integers().between(1, 300).map((kib) -> "{\"players\": [{\"id\": \"" + "x".repeat(kib * 1024) + "\"}]}"),
				Arbitraries.strings().all().ofMaxLength(200), Arbitraries.of("", "null", "[]", "\"x\"", "{", "{\"players\":"));
	}

	/** Arbitrary JSON values, as Java values for {@link #write}, nested up to {@code depth}. */
	private static Arbitrary<Object> json(int depth) {
		Arbitrary<Object> scalars = Arbitraries.oneOf(text(300).map(Object.class::cast),
				Arbitraries.integers().map(Object.class::cast), Arbitraries.doubles().map(Object.class::cast),
				Arbitraries.of(true, false).map(Object.class::cast),
				Arbitraries.of(new Raw("null"), new Raw("1e999"), new Raw("-1e999"), new Raw("1E+400"), new Raw("-0"),
						new Raw("123456789012345678901234567890"), new Raw("0.000000000000000000001"))
					.map(Object.class::cast));
		if (depth == 0) {
			return scalars;
		}
		Arbitrary<Object> inner = json(depth - 1);
		return Arbitraries.frequencyOf(Tuple.of(3, scalars), Tuple.of(1, inner.list().ofMaxSize(40).map(Object.class::cast)),
				Tuple.of(1, Arbitraries.maps(text(70), inner).ofMaxSize(40).map(Object.class::cast)));
	}

	/** Text from any characters, sometimes long. */
	private static Arbitrary<String> text(int maxLength) {
		return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(maxLength),
				Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(maxLength));
	}

	/** A path segment: an existing ticket id, a well-formed unknown one, or anything, percent-encoded. */
	private Arbitrary<String> pathValue() {
		Arbitrary<String> raw = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(this.ticketIds)),
				Tuple.of(1, Arbitraries.create(() -> TicketIds.newId("duel", "eu"))),
				Tuple.of(2, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(300)),
				Tuple.of(1, Arbitraries.of("..", ".", "%", "a;b", "x?y", "\u0000", " ")));
		return raw.map((value) -> URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
	}

	/** Authorization, Content-Type, Accept and one header of any name, each valid or not. */
	/** Headers as one of the test players would send them, asking for JSON. */
	private static Arbitrary<Map<String, String>> headers() {
		return headers(Arbitraries.of(PLAYERS), "application/json");
	}

	/**
	 * @param callers the players whose valid tokens are sent (most of the time); {@value #CALLER}
	 * is left for the caller of a ticket request to put in
	 * @param accepted what the endpoint serves, sent as {@code Accept} most of the time
	 */
	private static Arbitrary<Map<String, String>> headers(Arbitrary<String> callers, String accepted) {
		TestIdentity identity = TestIdentity.get();
		Arbitrary<String> authorization = Arbitraries.frequencyOf(
				Tuple.of(8, callers.map((id) -> "Bearer " + (id.equals(CALLER) ? CALLER : identity.player(id)))),
				Tuple.of(1, Arbitraries.of(PLAYERS).map((id) -> "Bearer " + identity.partyLeader(id, "fuzz-bob", "fuzz-cy"))),
				Tuple.of(3, Arbitraries.just("Bearer " + identity.backend("fuzz-backend"))),
				Tuple.of(1, Arbitraries.of(PLAYERS).map((id) -> "Bearer " + tampered(identity.player(id)))),
				Tuple.of(2, printable(600).map((garbage) -> "Bearer " + garbage)),
				Tuple.of(1, Arbitraries.of("Bearer", "Basic dXNlcjpwYXNz", "bearer x.y.z", "Bearer " + "a".repeat(9000))),
				Tuple.of(1, Arbitraries.just("")));
		// Mostly well-formed headers, so that most requests reach the endpoint's own checks.
		Arbitrary<String> type = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("application/json")),
				Tuple.of(1, Arbitraries.of("application/json; charset=ISO-8859-1", "text/plain", "application/xml",
						"multipart/form-data; boundary=x", "application/problem+json", "\"/!", "")),
				Tuple.of(1, printable(60)));
		Arbitrary<String> accept = Arbitraries.frequencyOf(
				Tuple.of(8, Arbitraries.of(accepted, "*/*", "", accepted + ", application/problem+json")),
				Tuple.of(1, Arbitraries.of("text/event-stream", "application/xml", "text/html", "!", "a/b;q=x")),
				Tuple.of(1, printable(60)));
		Arbitrary<String> name = Arbitraries.strings().withCharRange('a', 'z').withChars('-').ofMinLength(1).ofMaxLength(20)
			.filter((header) -> !List.of("connection", "content-length", "expect", "host", "upgrade").contains(header));
		return Combinators.combine(authorization, type, accept, name, printable(200).injectNull(0.7))
			.as((auth, ct, acc, extra, value) -> {
			Map<String, String> headers = new LinkedHashMap<>();
			put(headers, "Authorization", auth);
			put(headers, "Content-Type", ct);
			put(headers, "Accept", acc);
			if (value != null) {
				put(headers, "X-" + extra, value);
			}
			return headers;
		});
	}

	private static void put(Map<String, String> headers, String name, String value) {
		if (!value.isBlank()) {
			headers.put(name, value.strip());
		}
	}

	/** A token whose signature no longer fits its claims. */
	private static String tampered(String token) {
		char last = token.charAt(token.length() - 1);
		return token.substring(0, token.length() - 1) + ((last == 'A') ? 'B' : 'A');
	}

	/** Header-safe text, never blank: the JDK client refuses control characters in header values. */
	private static Arbitrary<String> printable(int maxLength) {
		return Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(maxLength)
			.filter((text) -> !text.isBlank());
	}

	/**
	 * JSON text of a value built from maps, lists, strings, numbers, booleans and
	 * {@link Raw} literals, which are written as they are (so {@code 1e999} reaches the server).
	 */
	static String write(Object value) {
		if (value instanceof Raw raw) {
			return raw.text();
		}
		if (value instanceof String text) {
			return quote(text);
		}
		if (value instanceof Map<?, ?> map) {
			return map.entrySet()
				.stream()
				.map((entry) -> quote(String.valueOf(entry.getKey())) + ":" + write(entry.getValue()))
				.collect(Collectors.joining(",", "{", "}"));
		}
		if (value instanceof List<?> list) {
			List<String> items = new ArrayList<>();
			list.forEach((item) -> items.add(write(item)));
			return String.join(",", items).transform((joined) -> "[" + joined + "]");
		}
		if (value instanceof Double number && !Double.isFinite(number)) {
			return "1e999";
		}
		return String.valueOf(value);
	}

	private static String quote(String text) {
		StringBuilder json = new StringBuilder(text.length() + 2).append('"');
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20) {
				json.append(String.format("\\u%04x", (int) c));
			}
			else {
				json.append(c);
			}
		}
		return json.append('"').toString();
	}

	/** A JSON literal written as it is. */
	record Raw(String text) {
	}

}
