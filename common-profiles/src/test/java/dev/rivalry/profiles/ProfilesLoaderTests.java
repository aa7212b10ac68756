package dev.rivalry.profiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.rivalry.profiles.RegionSelection.LatencyExpansion;
import dev.rivalry.profiles.Strategy.Expansion;
import dev.rivalry.profiles.filter.FieldPath;
import dev.rivalry.profiles.filter.Filter;

import static dev.rivalry.profiles.FilterCases.attributes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ProfilesLoaderTests {

	static String example() throws IOException {
		try (InputStream input = ProfilesLoaderTests.class.getResourceAsStream("/profiles.yml")) {
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void readsEveryFieldOfTheExampleFile() throws IOException {
		MatchProfiles profiles = ProfilesLoader.parse("profiles.yml", example());
		assertThat(profiles.all()).extracting(Profile::name).containsExactly("duel", "squad", "casual", "lobby");
		Profile duel = profiles.byName("duel").orElseThrow();
		assertThat(duel.filter().toMap()).isEqualTo(Map.of("bool",
				Map.of("must", List.of(Map.of("term", Map.of("mode", "duel"))), "must_not",
						List.of(Map.of("term", Map.of("banned", true))))));
		assertThat(duel.teams()).isEqualTo(new Teams(2, 1));
		assertThat(duel.strategy()).isEqualTo(new Strategy.Rating(
				List.of(new Expansion(Duration.ZERO, 100), new Expansion(Duration.ofSeconds(10), 200),
						new Expansion(Duration.ofSeconds(30), 500)),
				FieldPath.of("skill"), 1, false,
				new RegionSelection(List.of(new LatencyExpansion(Duration.ZERO, Duration.ofMillis(50)),
						new LatencyExpansion(Duration.ofSeconds(20), Duration.ofMillis(100))))));
		assertThat(duel.poolKey()).isEqualTo(new PoolKey(FieldPath.of("region"), true, List.of("eu", "us", "ap")));
		assertThat(duel.batchWindow()).isEqualTo(Duration.ofMillis(100));
		assertThat(duel.ticketTtl()).isEqualTo(Duration.ofMinutes(5));
		assertThat(duel.config()).isEqualTo(Map.of("map", "arena", "rounds", 3, "mode", "duel"));
		assertThat(duel.game()).isEqualTo("rivalry-arena");
		assertThat(duel.ticketTopic()).isEqualTo("rivalry.tickets.duel");
	}

	@Test
	void leavesOutOptionalFieldsAsTheirDefaults() throws IOException {
		MatchProfiles profiles = ProfilesLoader.parse("profiles.yml", example());
		Profile squad = profiles.byName("squad").orElseThrow();
		assertThat(squad.strategy()).isEqualTo(new Strategy.Rating(List.of(), null, 5, true, null));
		assertThat(squad.poolKey()).isEqualTo(new PoolKey(FieldPath.of("region"), false));
		assertThat(squad.batchWindow()).isEqualTo(Duration.ofMillis(100));
		assertThat(squad.ticketTtl()).isEqualTo(Duration.ofMinutes(5));
		assertThat(squad.config()).isEmpty();
		assertThat(squad.game()).isNull();
		assertThat(squad.backfillPriority()).isEqualTo(Duration.ZERO);
		Profile casual = profiles.byName("casual").orElseThrow();
		assertThat(casual.strategy()).isEqualTo(new Strategy.FirstCome(2, false, null));
		assertThat(casual.batchWindow()).isEqualTo(Duration.ofMillis(250));
		assertThat(casual.ticketTtl()).isEqualTo(Duration.ofMinutes(2));
		Profile lobby = profiles.byName("lobby").orElseThrow();
		assertThat(lobby.filter()).isEqualTo(Filter.matchAll());
		assertThat(lobby.strategy()).isEqualTo(new Strategy.FirstCome(3, false, null));
		assertThat(lobby.poolKey()).isNull();
	}

	@Test
	void firstMatchingProfileInFileOrderOwnsTheTicket() throws IOException {
		MatchProfiles profiles = ProfilesLoader.parse("profiles.yml", example());
		assertThat(owner(profiles, attributes("mode", "duel", "region", "eu"))).isEqualTo("duel");
		// duel requires a region, so this ticket falls through to the catch-all.
		assertThat(owner(profiles, attributes("mode", "duel"))).isEqualTo("lobby");
		assertThat(owner(profiles, attributes("mode", "duel", "region", "eu", "banned", true))).isEqualTo("lobby");
		assertThat(owner(profiles, attributes("mode", "squad"))).isEqualTo("squad");
		assertThat(owner(profiles, attributes("mode", "party", "level", 12))).isEqualTo("casual");
		assertThat(owner(profiles, attributes("mode", "4v4", "badges", Map.of("veteran", true)))).isEqualTo("casual");
		assertThat(owner(profiles, attributes("mode", "casual", "level", 3))).isEqualTo("lobby");
	}

	@Test
	void earlierProfileWinsWhenSeveralMatch() {
		String first = "  - { name: first, teams: { count: 2, size: 1 }, filter: { exists: { field: mode } } }\n";
		String second = "  - { name: second, teams: { count: 2, size: 1 }, filter: { term: { mode: duel } } }\n";
		Map<String, Object> duel = attributes("mode", "duel");
		assertThat(owner(ProfilesLoader.parse("a.yml", "profiles:\n" + first + second), duel)).isEqualTo("first");
		assertThat(owner(ProfilesLoader.parse("b.yml", "profiles:\n" + second + first), duel)).isEqualTo("second");
		assertThat(ProfilesLoader.parse("c.yml", "profiles:\n" + second).firstMatching(attributes("mode", "x")))
			.isEmpty();
	}

	@Test
	void loadsAFileAndNamesItInProblems(@TempDir Path directory) throws IOException {
		Path file = directory.resolve("profiles.yml");
		Files.writeString(file, example());
		assertThat(ProfilesLoader.load(file).all()).hasSize(4);
		Files.writeString(file, "profiles:\n  - name: duel\n    teams: { count: 2, size: 0 }\n");
		assertThatExceptionOfType(InvalidProfilesException.class).isThrownBy(() -> ProfilesLoader.load(file))
			.withMessage(file + ":3:30: profile 'duel': teams.size must be >= 1");
	}

	@Test
	void acceptsSpringAndIsoDurations() {
		String yaml = """
				profiles:
				  - name: a
				    teams: { count: 2, size: 1 }
				    batch-window: 0
				    ticket-ttl: 1h
				  - name: b
				    teams: { count: 2, size: 1 }
				    batch-window: 500us
				    ticket-ttl: PT90S
				  - name: c
				    teams: { count: 2, size: 1 }
				    batch-window: 1S
				    ticket-ttl: 2d
				""";
		List<Profile> profiles = ProfilesLoader.parse("durations.yml", yaml).all();
		assertThat(profiles).extracting(Profile::batchWindow)
			.containsExactly(Duration.ZERO, Duration.ofNanos(500_000), Duration.ofSeconds(1));
		assertThat(profiles).extracting(Profile::ticketTtl)
			.containsExactly(Duration.ofHours(1), Duration.ofSeconds(90), Duration.ofDays(2));
	}

	@Test
	void readsTheBackfillPriorityAndRefusesANegativeOne() {
		String yaml = """
				profiles:
				  - name: a
				    teams: { count: 2, size: 1 }
				    backfill-priority: 10s
				""";
		assertThat(ProfilesLoader.parse("backfill.yml", yaml).all().get(0).backfillPriority())
			.isEqualTo(Duration.ofSeconds(10));
		assertThatExceptionOfType(InvalidProfilesException.class)
			.isThrownBy(() -> ProfilesLoader.parse("backfill.yml", yaml.replace("10s", "-PT1S")))
			.withMessageContaining("backfill-priority must not be negative");
	}

	@Test
	void readsTheAcceptanceTimeoutAndLocatesABadOne() {
		String yaml = """
				profiles:
				  - name: arena
				    teams: { count: 2, size: 1 }
				    acceptance: { timeout: 15s }
				  - name: duel
				    teams: { count: 2, size: 1 }
				""";
		List<Profile> profiles = ProfilesLoader.parse("acceptance.yml", yaml).all();
		assertThat(profiles.get(0).acceptance()).isEqualTo(new Acceptance(Duration.ofSeconds(15)));
		assertThat(profiles.get(1).acceptance()).isNull();
		assertThatExceptionOfType(InvalidProfilesException.class)
			.isThrownBy(() -> ProfilesLoader.parse("acceptance.yml", yaml.replace("15s", "1h")))
			.withMessageContaining("acceptance.yml:4:28: profile 'arena': acceptance.timeout must be between 1s and 600s, not 1h");
		assertThatExceptionOfType(InvalidProfilesException.class)
			.isThrownBy(() -> ProfilesLoader.parse("acceptance.yml", yaml.replace("{ timeout: 15s }", "{ after: 15s }")))
			.withMessageContaining("acceptance.timeout is required");
	}

	@Test
	void mergesAnchoredMappingsWithExplicitKeysWinning() {
		String yaml = """
				x-defaults: &defaults { teams: { count: 2, size: 1 }, ticket-ttl: 1m, config: { rounds: 3 } }
				profiles:
				  - <<: *defaults
				    name: quick
				    ticket-ttl: 30s
				  - <<: *defaults
				    name: long
				""";
		List<Profile> profiles = ProfilesLoader.parse("anchors.yml", yaml).all();
		assertThat(profiles).extracting(Profile::ticketTtl).containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(1));
		assertThat(profiles).extracting(Profile::config).containsOnly(Map.of("rounds", 3));
	}

	@Test
	void acceptsAStrategyGivenByTypeAlone() {
		String yaml = """
				profiles:
				  - name: rated
				    teams: { count: 3, size: 2 }
				    strategy: rating
				""";
		Profile profile = ProfilesLoader.parse("short.yml", yaml).all().get(0);
		assertThat(profile.strategy()).isEqualTo(new Strategy.Rating(List.of(), null, 2, false, null));
		assertThat(profile.playersPerMatch()).isEqualTo(6);
	}

	@Test
	void reportsEveryProblemInFileOrder() {
		String yaml = """
				profiles:
				  - name: duel
				    teams: { count: 0, size: 1 }
				    batch-window: fast
				  - name: Squad
				    team: { count: 2, size: 5 }
				""";
		assertThatExceptionOfType(InvalidProfilesException.class)
			.isThrownBy(() -> ProfilesLoader.parse("many.yml", yaml))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(InvalidProfilesException.Problem::line)
				.containsExactly(3, 4, 5, 5, 6))
			.satisfies((ex) -> assertThat(ex.getMessage().lines()).containsExactly(
					"many.yml:3:21: profile 'duel': teams.count must be >= 1",
					"many.yml:4:19: profile 'duel': batch-window must be a duration such as 100ms, 10s, 5m, 1h or PT10S, not 'fast'",
					"many.yml:5:5: profile #2: teams is required",
					"many.yml:5:11: profile #2: name 'Squad' must be 1 to 63 lower-case letters, digits and '-', starting with a letter or digit (it names the topic rivalry.tickets.<name>)",
					"many.yml:6:5: profile #2: team is not a known key (did you mean 'teams'?); expected one of name, filter, teams, strategy, pool-key, batch-window, ticket-ttl, config, game, backfill-priority, acceptance"));
	}

	private static String owner(MatchProfiles profiles, Map<String, Object> attributes) {
		return profiles.firstMatching(attributes).map(Profile::name).orElse(null);
	}

}
