package dev.rivalry.profiles;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Invalid profile files: each problem names the file, line and column, the profile and
 * the field. The expected text is the start of one line of the message.
 */
class InvalidProfilesTests {

	static Stream<Arguments> invalidFiles() {
		return Stream.of(
				arguments("team size below one", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 0 }
						""", "bad.yml:3:30: profile 'duel': teams.size must be >= 1"),
				arguments("team count missing", """
						profiles:
						  - name: duel
						    teams:
						      size: 1
						""", "bad.yml:4:7: profile 'duel': teams.count is required"),
				arguments("too many players per match", """
						profiles:
						  - name: royale
						    teams: { count: 100, size: 20 }
						""", "bad.yml:3:12: profile 'royale': teams count * size must be <= 1000, not 2000"),
				arguments("a misspelt key", """
						profiles:
						  - name: duel
						    team: { count: 2, size: 1 }
						""", "bad.yml:3:5: profile 'duel': team is not a known key (did you mean 'teams'?)"),
				arguments("a required key missing", """
						profiles:
						  - name: duel
						""", "bad.yml:2:5: profile 'duel': teams is required"),
				arguments("a string where an integer belongs", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: two }
						""", "bad.yml:3:30: profile 'duel': teams.size must be an integer, not the string 'two'"),
				arguments("a quoted number where an integer belongs", """
						profiles:
						  - name: duel
						    teams: { count: "2", size: 1 }
						""", "bad.yml:3:21: profile 'duel': teams.count must be an integer, not the string '2'"),
				arguments("a list where a mapping belongs", """
						profiles:
						  - name: duel
						    teams: [2, 1]
						""", "bad.yml:3:12: profile 'duel': teams must be a mapping, not a list"),
				arguments("a duplicate profile name", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						  - name: duel
						    teams: { count: 2, size: 1 }
						""", "bad.yml:4:11: profile 'duel': name 'duel' is already used by the profile on line 2"),
				arguments("an invalid profile name", """
						profiles:
						  - name: Duel_1
						    teams: { count: 2, size: 1 }
						""", "bad.yml:2:11: profile #1: name 'Duel_1' must be 1 to 63 lower-case letters"),
				arguments("a profile without a name", """
						profiles:
						  - teams: { count: 2, size: 1 }
						  - name: squad
						""", "bad.yml:2:5: profile #1: name is required"),
				arguments("a key given twice", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    teams: { count: 2, size: 2 }
						""", "bad.yml:4:5: profile 'duel': teams is given twice (first on line 3)"),
				arguments("an empty file", "", "bad.yml:1:1: is empty"),
				arguments("a file of comments only", "# nothing yet\n", "bad.yml:1:1: is empty"),
				arguments("no profiles key", """
						profile:
						  - name: duel
						""", "bad.yml:1:1: profile is not a known key (did you mean 'profiles'?)"),
				arguments("an empty profile list", "profiles: []\n", "bad.yml:1:11: profiles must have at least one profile"),
				arguments("profiles not a list", "profiles: duel\n", "bad.yml:1:11: profiles must be a list, not the string 'duel'"),
				arguments("a file that is a list", "- name: duel\n", "bad.yml:1:1: the file must be a mapping with a 'profiles' list"),
				arguments("invalid YAML", """
						profiles:
						  - name: duel
						   teams: { count: 2, size: 1 }
						""", "bad.yml:3:4: is not valid YAML"),
				arguments("an unknown strategy", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    strategy: { type: elo }
						""", "bad.yml:4:23: profile 'duel': strategy.type must be one of first-come, rating, not 'elo'"),
				arguments("a strategy without a type", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    strategy: { balance-teams: true }
						""", "bad.yml:4:15: profile 'duel': strategy.type is required"),
				arguments("rating options on first-come", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    strategy:
						      type: first-come
						      expansions: [{ after: 0s, spread: 10 }]
						""", "bad.yml:6:19: profile 'duel': strategy.expansions only applies to type 'rating'"),
				arguments("expansions not increasing", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    strategy:
						      type: rating
						      expansions:
						        - { after: 0s, spread: 100 }
						        - { after: 20s, spread: 200 }
						        - { after: 10s, spread: 300 }
						""", "bad.yml:9:20: profile 'duel': strategy.expansions[2].after must be later than the previous step's after (20s)"),
				arguments("expansions not starting at zero", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    strategy:
						      type: rating
						      expansions:
						        - { after: 5s, spread: 100 }
						""", "bad.yml:7:20: profile 'duel': strategy.expansions[0].after must be 0s"),
				arguments("an expansion narrowing the spread", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    strategy:
						      type: rating
						      expansions:
						        - { spread: 200 }
						        - { after: 10s, spread: 100 }
						""", "bad.yml:8:33: profile 'duel': strategy.expansions[1].spread must not be below the previous step's (200)"),
				arguments("a negative spread", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    strategy: { type: rating, expansions: [{ spread: -1 }] }
						""", "bad.yml:4:54: profile 'duel': strategy.expansions[0].spread must be a finite number >= 0"),
				arguments("an empty latency expansion list", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    strategy: { type: first-come, region: { latency-expansions: [] } }
						""", "bad.yml:4:65: profile 'duel': strategy.region.latency-expansions must not be empty"),
				arguments("a latency expansion lowering max-latency", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    strategy:
						      type: first-come
						      region:
						        latency-expansions:
						          - { after: 0s, max-latency: 80 }
						          - { after: 5s, max-latency: 40ms }
						""", "bad.yml:9:39: profile 'duel': strategy.region.latency-expansions[1].max-latency must not be below the previous step's (80ms)"),
				arguments("a party larger than a team", """
						profiles:
						  - name: squad
						    teams: { count: 2, size: 5 }
						    strategy: { type: rating, parties: { max-size: 6 } }
						""", "bad.yml:4:52: profile 'squad': strategy.parties.max-size must be <= teams.size (5)"),
				arguments("a duration without a unit", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    ticket-ttl: 300
						""", "bad.yml:4:17: profile 'duel': ticket-ttl must have a unit, e.g. 300ms or 300s"),
				arguments("a malformed duration", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    batch-window: 100 ms
						""", "bad.yml:4:19: profile 'duel': batch-window must be a duration such as 100ms, 10s, 5m, 1h or PT10S, not '100 ms'"),
				arguments("a negative duration", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    batch-window: -PT1S
						""", "bad.yml:4:19: profile 'duel': batch-window must not be negative"),
				arguments("a batch window as long as the ticket TTL", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    batch-window: 1m
						    ticket-ttl: 60s
						""", "bad.yml:4:19: profile 'duel': batch-window must be shorter than ticket-ttl (1m)"),
				arguments("a zero ticket TTL", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    ticket-ttl: 0s
						""", "bad.yml:4:17: profile 'duel': ticket-ttl must be positive"),
				arguments("config that is not a mapping", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    config: arena
						""", "bad.yml:4:13: profile 'duel': config must be a mapping, not the string 'arena'"),
				arguments("a pool key flag that is not a boolean", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    pool-key: { attribute: region, required: yes }
						""", "bad.yml:4:46: profile 'duel': pool-key.required must be true or false, not the string 'yes'"),
				arguments("allowed pool values that are not a list", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    pool-key: { attribute: region, allowed: eu }
						""", "bad.yml:4:45: profile 'duel': pool-key.allowed must be a list, not the string 'eu'"),
				arguments("an empty list of allowed pool values", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    pool-key: { attribute: region, allowed: [] }
						""", "bad.yml:4:45: profile 'duel': pool-key.allowed must not be empty (leave it out to allow any value)"),
				arguments("an allowed pool value that cannot be a record key", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    pool-key:
						      attribute: region
						      allowed: [eu, "e u"]
						""", "bad.yml:6:21: profile 'duel': pool-key.allowed[1] 'e u' must be 1 to 64 letters, digits, '.', '_' or '-'"),
				arguments("an allowed pool value given twice", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    pool-key: { attribute: region, allowed: [eu, us, eu] }
						""", "bad.yml:4:54: profile 'duel': pool-key.allowed[2] 'eu' is given twice (first as pool-key.allowed[0])"),
				arguments("a null allowed pool value", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    pool-key: { attribute: region, allowed: [eu, ~] }
						""", "bad.yml:4:50: profile 'duel': pool-key.allowed[1] must be a non-empty string, not null"),
				arguments("an unknown filter clause", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    filter: { match: { mode: duel } }
						""", "bad.yml:4:15: profile 'duel': filter has an unknown filter clause 'match'"),
				arguments("a misspelt bool key", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    filter:
						      bool:
						        must-not: [{ term: { banned: true } }]
						""", "bad.yml:6:9: profile 'duel': filter.bool.must-not is not a known key (did you mean 'must_not'?)"),
				arguments("two clauses in one filter", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    filter: { term: { mode: duel }, exists: { field: region } }
						""", "bad.yml:4:13: profile 'duel': filter must be a mapping with exactly one clause (bool, term, terms, range, exists), not 'term', 'exists'"),
				arguments("a term on two attributes", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    filter: { term: { mode: duel, region: eu } }
						""", "bad.yml:4:21: profile 'duel': filter.term must name exactly one attribute, not 'mode', 'region' (combine several in a bool)"),
				arguments("a term with a list", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    filter: { term: { mode: [duel, squad] } }
						""", "bad.yml:4:29: profile 'duel': filter.term.mode must be a string, a number or a boolean, not a list"),
				arguments("a term with null", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    filter: { term: { mode: null } }
						""", "bad.yml:4:29: profile 'duel': filter.term.mode must be a string, a number or a boolean, not null"),
				arguments("terms with a single value", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    filter: { terms: { mode: duel } }
						""", "bad.yml:4:30: profile 'duel': filter.terms.mode must be a list of values, not the string 'duel' (use term for a single value)"),
				arguments("terms with no values", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    filter: { terms: { mode: [] } }
						""", "bad.yml:4:30: profile 'duel': filter.terms.mode must have at least one value"),
				arguments("a range without bounds", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    filter: { range: { skill: {} } }
						""", "bad.yml:4:31: profile 'duel': filter.range.skill must have at least one bound: gt, gte, lt or lte"),
				arguments("a range with a string bound", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    filter: { range: { skill: { gte: low } } }
						""", "bad.yml:4:38: profile 'duel': filter.range.skill.gte must be a number, not the string 'low'"),
				arguments("a range with both gt and gte", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    filter: { range: { skill: { gt: 1, gte: 2 } } }
						""", "bad.yml:4:45: profile 'duel': filter.range.skill must not have both gt and gte"),
				arguments("an unknown range bound", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    filter: { range: { skill: { from: 1 } } }
						""", "bad.yml:4:33: profile 'duel': filter.range.skill.from is not a known key"),
				arguments("exists without a field", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    filter: { exists: { name: region } }
						""", "bad.yml:4:25: profile 'duel': filter.exists.name is not a known key; expected one of field"),
				arguments("an attribute path with an empty segment", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    filter: { exists: { field: a..b } }
						""", "bad.yml:4:32: profile 'duel': filter.exists.field is not a valid attribute name"),
				arguments("a percentage minimum_should_match", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    filter: { bool: { should: [{ term: { a: 1 } }], minimum_should_match: 50% } }
						""", "bad.yml:4:75: profile 'duel': filter.bool.minimum_should_match must be an integer, not the string '50%' (percentages are not supported)"),
				arguments("a bad clause deep in a bool", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    filter:
						      bool:
						        must:
						          - term: { mode: duel }
						          - bool:
						              should:
						                - range: { level: { above: 3 } }
						""", "bad.yml:10:37: profile 'duel': filter.bool.must[1].bool.should[0].range.level.above is not a known key"),
				arguments("an unsupported tag", """
						profiles:
						  - name: duel
						    teams: { count: 2, size: 1 }
						    config: { blob: !!binary aGVsbG8= }
						""", "bad.yml:4:21: profile 'duel': config.blob has an unsupported tag tag:yaml.org,2002:binary"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidFiles")
	void problemNamesFileLineProfileAndField(String description, String yaml, String expected) {
		assertThatExceptionOfType(InvalidProfilesException.class).isThrownBy(() -> ProfilesLoader.parse("bad.yml", yaml))
			.satisfies((ex) -> assertThat(ex.getMessage().lines()).anySatisfy((line) -> assertThat(line).startsWith(expected)));
	}

}
