package dev.rivalry.profiles;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

import dev.rivalry.profiles.filter.Filter;

/**
 * The one table of filter cases: a filter as written in a profile file, a ticket's
 * attributes, and whether they match. Every test that evaluates filters runs it (here
 * {@code FilterTests}; in the matchmaker, ticket routing), so they all agree on the
 * semantics described in {@code docs/profiles.md}. Published in this module's test-jar.
 * <p>
 * Use {@code @MethodSource("dev.rivalry.profiles.FilterCases#arguments")} with a method
 * taking one {@link FilterCase}, or {@link #all()}.
 */
public final class FilterCases {

	private static final String TWO_OF_THREE = "{ bool: { should: [ { exists: { field: a } }, { exists: { field: b } }, "
			+ "{ exists: { field: c } } ], minimum_should_match: 2 } }";

	/** mode is duel and ((region eu and level >= 10 and not banned) or vip). */
	private static final String NESTED = """
			bool:
			  must:
			    - term: { mode: duel }
			    - bool:
			        should:
			          - bool:
			              must:
			                - term: { region: eu }
			                - range: { level: { gte: 10 } }
			              must_not:
			                - term: { banned: true }
			          - term: { vip: true }
			""";

	private static final List<FilterCase> CASES = List.of(
			// term
			match("term on an equal string", "{ term: { mode: duel } }", attributes("mode", "duel")),
			noMatch("term on another string", "{ term: { mode: duel } }", attributes("mode", "squad")),
			noMatch("term is case sensitive", "{ term: { mode: duel } }", attributes("mode", "Duel")),
			noMatch("term on a missing attribute", "{ term: { mode: duel } }", attributes("region", "eu")),
			noMatch("term on a null attribute", "{ term: { mode: duel } }", attributes("mode", null)),
			noMatch("term on empty attributes", "{ term: { mode: duel } }", attributes()),
			noMatch("term string does not equal a number", "{ term: { skill: \"1500\" } }", attributes("skill", 1500)),
			noMatch("term number does not equal a numeric string", "{ term: { skill: 1500 } }",
					attributes("skill", "1500")),
			match("term number equals an Integer", "{ term: { skill: 1500 } }", attributes("skill", 1500)),
			match("term number equals a Long", "{ term: { skill: 1500 } }", attributes("skill", 1500L)),
			match("term integer equals a Double of the same value", "{ term: { skill: 1500 } }",
					attributes("skill", 1500.0)),
			match("term float equals an Integer of the same value", "{ term: { skill: 1500.0 } }",
					attributes("skill", 1500)),
			match("term integer equals a BigDecimal with trailing zeros", "{ term: { skill: 1500 } }",
					attributes("skill", new BigDecimal("1500.00"))),
			match("term decimal equals the same BigDecimal", "{ term: { ratio: 0.1 } }",
					attributes("ratio", new BigDecimal("0.1"))),
			match("term integer equals a BigInteger", "{ term: { skill: 1500 } }",
					attributes("skill", BigInteger.valueOf(1500))),
			noMatch("term integer does not equal a nearby Double", "{ term: { skill: 1500 } }",
					attributes("skill", 1500.5)),
			noMatch("term long is compared exactly with a Double", "{ term: { id: 9007199254740993 } }",
					attributes("id", 9007199254740992.0)),
			noMatch("term number does not equal NaN", "{ term: { skill: 1500 } }", attributes("skill", Double.NaN)),
			match("term boolean equals a Boolean", "{ term: { banned: true } }", attributes("banned", true)),
			noMatch("term boolean does not equal the string true", "{ term: { banned: true } }",
					attributes("banned", "true")),
			noMatch("term quoted string does not equal a Boolean", "{ term: { banned: \"true\" } }",
					attributes("banned", true)),
			noMatch("term boolean does not equal a number", "{ term: { banned: true } }", attributes("banned", 1)),
			match("term no is a string, not a boolean (YAML 1.2)", "{ term: { region: no } }",
					attributes("region", "no")),
			match("term on a list attribute matches any element", "{ term: { tags: ranked } }",
					attributes("tags", List.of("casual", "ranked"))),
			noMatch("term on a list attribute without the value", "{ term: { tags: ranked } }",
					attributes("tags", List.of("casual", "party"))),
			noMatch("term on an empty list", "{ term: { tags: ranked } }", attributes("tags", List.of())),
			match("term on a list of numbers compares numerically", "{ term: { levels: 3 } }",
					attributes("levels", List.of(1.0, 3.0))),
			noMatch("term on a map attribute", "{ term: { mode: duel } }", attributes("mode", Map.of("duel", true))),
			match("term long form with value", "{ term: { mode: { value: duel } } }", attributes("mode", "duel")),
			// terms
			match("terms on one of the values", "{ terms: { mode: [duel, squad] } }", attributes("mode", "squad")),
			noMatch("terms on none of the values", "{ terms: { mode: [duel, squad] } }", attributes("mode", "casual")),
			noMatch("terms on a missing attribute", "{ terms: { mode: [duel, squad] } }", attributes()),
			match("terms with mixed types matches a number", "{ terms: { level: [1, \"2\"] } }",
					attributes("level", 1.0)),
			noMatch("terms with mixed types keeps types apart", "{ terms: { level: [1, \"2\"] } }",
					attributes("level", 2)),
			match("terms with mixed types matches a string", "{ terms: { level: [1, \"2\"] } }",
					attributes("level", "2")),
			match("terms on a list attribute matches any common element", "{ terms: { tags: [a, b] } }",
					attributes("tags", List.of("c", "b"))),
			noMatch("terms on a list attribute without common elements", "{ terms: { tags: [a, b] } }",
					attributes("tags", List.of("c", "d"))),
			// range
			match("range gte includes its bound", "{ range: { skill: { gte: 1500 } } }", attributes("skill", 1500)),
			noMatch("range gt excludes its bound", "{ range: { skill: { gt: 1500 } } }", attributes("skill", 1500)),
			match("range gt above its bound", "{ range: { skill: { gt: 1500 } } }", attributes("skill", 1501)),
			match("range lte includes its bound", "{ range: { skill: { lte: 1500 } } }", attributes("skill", 1500)),
			noMatch("range lt excludes its bound", "{ range: { skill: { lt: 1500 } } }", attributes("skill", 1500)),
			match("range between both bounds", "{ range: { skill: { gte: 1000, lt: 2000 } } }",
					attributes("skill", 1999)),
			noMatch("range below the lower bound", "{ range: { skill: { gte: 1000, lt: 2000 } } }",
					attributes("skill", 999)),
			noMatch("range at the exclusive upper bound", "{ range: { skill: { gte: 1000, lt: 2000 } } }",
					attributes("skill", 2000)),
			noMatch("range on a numeric string", "{ range: { skill: { gte: 1000 } } }", attributes("skill", "1500")),
			noMatch("range on a boolean", "{ range: { skill: { gte: 0 } } }", attributes("skill", true)),
			noMatch("range on a missing attribute", "{ range: { skill: { gte: 0 } } }", attributes()),
			noMatch("range on NaN", "{ range: { skill: { gte: 0 } } }", attributes("skill", Double.NaN)),
			noMatch("range on a Double just below an integer bound", "{ range: { skill: { gte: 1500 } } }",
					attributes("skill", 1499.9)),
			match("range on a Double equal to an integer bound", "{ range: { skill: { gte: 1500 } } }",
					attributes("skill", 1500.0)),
			match("range on an Integer above a decimal bound", "{ range: { ratio: { gt: 0.5 } } }",
					attributes("ratio", 1)),
			match("range on a BigDecimal", "{ range: { skill: { gt: 1500, lte: 1500.5 } } }",
					attributes("skill", new BigDecimal("1500.25"))),
			match("range with negative bounds", "{ range: { delta: { gte: -10, lte: -5 } } }",
					attributes("delta", -7L)),
			match("range on a list attribute matches any element in range", "{ range: { scores: { gte: 10 } } }",
					attributes("scores", List.of(3, 12))),
			noMatch("range on a list attribute with no element in range", "{ range: { scores: { gte: 10 } } }",
					attributes("scores", List.of(3, 4))),
			// exists
			match("exists on a present attribute", "{ exists: { field: region } }", attributes("region", "eu")),
			noMatch("exists on a null attribute", "{ exists: { field: region } }", attributes("region", null)),
			noMatch("exists on a missing attribute", "{ exists: { field: region } }", attributes("mode", "duel")),
			noMatch("exists on an empty list", "{ exists: { field: tags } }", attributes("tags", List.of())),
			noMatch("exists on a list of nulls", "{ exists: { field: tags } }",
					attributes("tags", Arrays.asList(null, null))),
			match("exists on an empty string", "{ exists: { field: region } }", attributes("region", "")),
			match("exists on false", "{ exists: { field: banned } }", attributes("banned", false)),
			match("exists on a map", "{ exists: { field: badges } }", attributes("badges", Map.of("veteran", true))),
			// dotted paths
			match("dotted path into a nested map", "{ term: { party.mode: duel } }",
					attributes("party", Map.of("mode", "duel"))),
			match("dotted path three levels down", "{ range: { stats.pvp.elo: { gte: 1000 } } }",
					attributes("stats", Map.of("pvp", Map.of("elo", 1200)))),
			match("dotted path as a literal key", "{ term: { party.mode: duel } }", attributes("party.mode", "duel")),
			match("dotted path through a list of maps", "{ term: { players.rank: gold } }",
					attributes("players", List.of(Map.of("rank", "silver"), Map.of("rank", "gold")))),
			noMatch("dotted path through a scalar", "{ term: { party.mode: duel } }", attributes("party", "duel")),
			noMatch("dotted path with a missing level", "{ exists: { field: a.b.c } }",
					attributes("a", Map.of("x", Map.of("c", 1)))),
			match("exists on a dotted path", "{ exists: { field: badges.veteran } }",
					attributes("badges", Map.of("veteran", true))),
			// bool
			match("empty bool matches anything", "{ bool: {} }", attributes("mode", "duel")),
			match("empty bool matches empty attributes", "{ bool: {} }", attributes()),
			match("bool without a body matches anything", "bool:", attributes("mode", "duel")),
			match("must with every clause matching", "{ bool: { must: [ { term: { mode: duel } }, { exists: { field: region } } ] } }",
					attributes("mode", "duel", "region", "eu")),
			noMatch("must with one clause failing", "{ bool: { must: [ { term: { mode: duel } }, { exists: { field: region } } ] } }",
					attributes("mode", "duel")),
			match("must with a single clause instead of a list", "{ bool: { must: { term: { mode: duel } } } }",
					attributes("mode", "duel")),
			noMatch("filter works as must", "{ bool: { filter: [ { term: { mode: duel } } ] } }",
					attributes("mode", "squad")),
			noMatch("must_not excludes a match", "{ bool: { must_not: [ { term: { banned: true } } ] } }",
					attributes("banned", true)),
			match("must_not alone matches everything else", "{ bool: { must_not: [ { term: { banned: true } } ] } }",
					attributes("mode", "duel")),
			match("must_not on a missing attribute does not exclude", "{ bool: { must: [ { term: { mode: duel } } ], must_not: [ { term: { banned: true } } ] } }",
					attributes("mode", "duel")),
			noMatch("must_not on a list containing the value", "{ bool: { must_not: { term: { tags: cheater } } } }",
					attributes("tags", List.of("new", "cheater"))),
			noMatch("should alone needs one match by default", "{ bool: { should: [ { term: { mode: duel } }, { term: { mode: squad } } ] } }",
					attributes("mode", "casual")),
			match("should alone is met by one match", "{ bool: { should: [ { term: { mode: duel } }, { term: { mode: squad } } ] } }",
					attributes("mode", "squad")),
			match("should with must defaults to no match needed", "{ bool: { must: { exists: { field: mode } }, should: [ { term: { mode: duel } } ] } }",
					attributes("mode", "casual")),
			match("should with filter defaults to no match needed", "{ bool: { filter: { exists: { field: mode } }, should: { term: { mode: duel } } } }",
					attributes("mode", "casual")),
			noMatch("should with only must_not still needs one match", "{ bool: { must_not: { term: { banned: true } }, should: { term: { mode: duel } } } }",
					attributes("mode", "casual")),
			match("should with must and minimum_should_match 1 is met", "{ bool: { must: { exists: { field: mode } }, should: { term: { mode: duel } }, minimum_should_match: 1 } }",
					attributes("mode", "duel")),
			noMatch("should with must and minimum_should_match 1 is not met", "{ bool: { must: { exists: { field: mode } }, should: { term: { mode: duel } }, minimum_should_match: 1 } }",
					attributes("mode", "casual")),
			noMatch("minimum_should_match 2 with one match", TWO_OF_THREE, attributes("a", 1)),
			match("minimum_should_match 2 with two matches", TWO_OF_THREE, attributes("a", 1, "c", 1)),
			match("minimum_should_match above the should count is capped", "{ bool: { should: [ { exists: { field: a } }, { exists: { field: b } } ], minimum_should_match: 5 } }",
					attributes("a", 1, "b", 2)),
			noMatch("minimum_should_match capped still needs every should", "{ bool: { should: [ { exists: { field: a } }, { exists: { field: b } } ], minimum_should_match: 5 } }",
					attributes("a", 1)),
			match("negative minimum_should_match allows that many misses", "{ bool: { should: [ { exists: { field: a } }, { exists: { field: b } }, { exists: { field: c } } ], minimum_should_match: -1 } }",
					attributes("a", 1, "b", 2)),
			noMatch("negative minimum_should_match with too many misses", "{ bool: { should: [ { exists: { field: a } }, { exists: { field: b } }, { exists: { field: c } } ], minimum_should_match: -1 } }",
					attributes("a", 1)),
			match("minimum_should_match as a string", "{ bool: { should: [ { exists: { field: a } }, { exists: { field: b } } ], minimum_should_match: \"2\" } }",
					attributes("a", 1, "b", 2)),
			match("minimum_should_match 0 makes should optional", "{ bool: { should: [ { term: { mode: duel } } ], minimum_should_match: 0 } }",
					attributes("mode", "casual")),
			match("empty should with minimum_should_match matches anything", "{ bool: { should: [], minimum_should_match: 1 } }",
					attributes("mode", "casual")),
			match("minimum_should_match without should matches anything", "{ bool: { minimum_should_match: 2 } }",
					attributes()),
			// nested bools
			match("nested bools three deep, all met", NESTED, attributes("mode", "duel", "region", "eu", "level", 20)),
			noMatch("nested bools three deep, innermost must_not hit", NESTED,
					attributes("mode", "duel", "region", "eu", "level", 20, "banned", true)),
			match("nested bools three deep, other should branch", NESTED,
					attributes("mode", "duel", "region", "us", "vip", true)),
			noMatch("nested bools three deep, no should branch", NESTED,
					attributes("mode", "duel", "region", "us", "level", 20)),
			noMatch("nested bools three deep, outer must fails", NESTED,
					attributes("mode", "squad", "region", "eu", "level", 20)),
			match("block style filter", """
					bool:
					  must:
					    - term: { mode: duel }
					  must_not:
					    - term: { banned: true }
					""", attributes("mode", "duel", "banned", false)));

	private FilterCases() {
	}

	/** @return every case, in table order */
	public static List<FilterCase> all() {
		return CASES;
	}

	/** @return every case as one-argument {@link Arguments}, for {@code @MethodSource} */
	public static Stream<Arguments> arguments() {
		return CASES.stream().map(Arguments::of);
	}

	private static FilterCase match(String name, String filterYaml, Map<String, Object> attributes) {
		return new FilterCase(name, filterYaml, attributes, true);
	}

	private static FilterCase noMatch(String name, String filterYaml, Map<String, Object> attributes) {
		return new FilterCase(name, filterYaml, attributes, false);
	}

	/** Attributes from alternating names and values; values may be null. */
	static Map<String, Object> attributes(Object... namesAndValues) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			attributes.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return Collections.unmodifiableMap(attributes);
	}

	/**
	 * One case.
	 *
	 * @param name what the case shows, as a sentence
	 * @param filterYaml the filter as written under {@code filter:} in a profile
	 * @param attributes a ticket's attributes, as JSON would decode them (values may be null)
	 * @param expected whether the filter matches them
	 */
	public record FilterCase(String name, String filterYaml, Map<String, Object> attributes, boolean expected) {

		/** @return the filter, read as the profile loader reads it */
		public Filter filter() {
			return ProfilesLoader.parseFilter(this.name, this.filterYaml);
		}

		/**
		 * @param profileName the profile's name
		 * @return a profile file whose only profile, a 2 x 1 first-come one, has this
		 * case's filter: a ticket with these attributes gets a profile exactly when
		 * {@link #expected()}
		 */
		public String profilesYaml(String profileName) {
			String indented = this.filterYaml.lines().map((line) -> "      " + line)
					.collect(Collectors.joining("\n"));
			return "profiles:\n  - name: " + profileName + "\n    teams: { count: 2, size: 1 }\n    filter:\n"
					+ indented + "\n";
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
