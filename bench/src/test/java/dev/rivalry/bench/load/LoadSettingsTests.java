package dev.rivalry.bench.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class LoadSettingsTests {

	private static final String MAIN = "java -cp bench/target/benchmarks.jar dev.rivalry.bench.load.LoadMain";

	@Test
	void severalMatchmakersAreTakenInTurnTheFirstBeingTheMatchmaker() {
		LoadSettings settings = LoadSettings.parse("--matchmaker=http://localhost:8080,http://localhost:8090");
		assertThat(settings.matchmaker()).isEqualTo(URI.create("http://localhost:8080"));
		assertThat(settings.matchmakers()).containsExactly(URI.create("http://localhost:8080"),
				URI.create("http://localhost:8090"));
		assertThat(settings.command()).contains("--matchmaker=http://localhost:8080,http://localhost:8090");
	}

	@Test
	void playersMayCallOverHttp2Cleartext() {
		assertThat(LoadSettings.parse().http2()).isFalse();
		LoadSettings settings = LoadSettings.parse("--http2=true");
		assertThat(settings.http2()).isTrue();
		assertThat(settings.command()).contains(" --http2=true");
	}

	@ParameterizedTest
	@CsvSource({ "1, 1", "10, 10", "100, 100" })
	void aBackEndMayFollowSeveralTicketsPerStream(String given, int tickets) {
		LoadSettings settings = LoadSettings.parse("--tickets-per-stream=" + given);
		assertThat(settings.ticketsPerStream()).isEqualTo(tickets);
		assertThat(settings.command()).contains(" --tickets-per-stream=" + tickets + " ");
		assertThatIllegalArgumentException().isThrownBy(() -> LoadSettings.parse("--tickets-per-stream=101"))
			.withMessageContaining("--tickets-per-stream");
	}

	@Test
	void defaultsTargetTheStandaloneStack() {
		LoadSettings settings = LoadSettings.parse();

		assertThat(settings.scenario()).isEqualTo(Scenario.DUEL_RATING);
		assertThat(settings.rate()).isEqualTo(1000.0);
		assertThat(settings.warmup()).isEqualTo(Duration.ofSeconds(10));
		assertThat(settings.duration()).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.drain()).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.matchmaker()).isEqualTo(URI.create("http://localhost:8080"));
		assertThat(settings.serverlist()).isEqualTo(URI.create("http://localhost:8081"));
		assertThat(settings.identity()).isEqualTo(URI.create("http://localhost:8083"));
		assertThat(settings.fleetKey()).isEqualTo("dev-fleet-key");
		assertThat(settings.servers()).isEqualTo(200);
		assertThat(settings.regions()).containsExactly("eu", "us", "ap");
		assertThat(settings.allocate()).isTrue();
		assertThat(settings.out()).isEqualTo(Path.of("bench/results"));
		assertThat(settings.seed()).isEqualTo(1);
		assertThat(settings.callTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.tickets()).isEqualTo(30_000);
		// The warm-up ramps from zero to the rate: half the tickets of a full-rate second each second.
		assertThat(settings.warmupTickets()).isEqualTo(5_000);
	}

	@Test
	void everySettingCanBeGiven() {
		LoadSettings settings = LoadSettings.parse("--scenario=squad", "--rate=250.5", "--warmup=0s", "--duration=5s",
				"--drain=1s", "--matchmaker=https://mm.example:9443", "--serverlist=http://sl.example", "--fleet-key=k",
				"--identity=http://idp.example:9083",
				"--servers=0", "--regions=eu, us ", "--allocate=false", "--out=/tmp/runs", "--seed=-7",
				"--call-timeout=750ms");

		assertThat(settings.scenario()).isEqualTo(Scenario.SQUAD);
		assertThat(settings.rate()).isEqualTo(250.5);
		assertThat(settings.warmup()).isZero();
		assertThat(settings.duration()).isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.drain()).isEqualTo(Duration.ofSeconds(1));
		assertThat(settings.matchmaker()).isEqualTo(URI.create("https://mm.example:9443"));
		assertThat(settings.serverlist()).isEqualTo(URI.create("http://sl.example"));
		assertThat(settings.identity()).isEqualTo(URI.create("http://idp.example:9083"));
		assertThat(settings.fleetKey()).isEqualTo("k");
		// No servers are needed when the players never ask for one.
		assertThat(settings.servers()).isZero();
		assertThat(settings.regions()).containsExactly("eu", "us");
		assertThat(settings.allocate()).isFalse();
		assertThat(settings.out()).isEqualTo(Path.of("/tmp/runs"));
		assertThat(settings.seed()).isEqualTo(-7);
		assertThat(settings.callTimeout()).isEqualTo(Duration.ofMillis(750));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badArguments")
	void aBadArgumentNamesItself(String[] args, List<String> fragments) {
		// LoadMain prints only this message above the usage: it alone must say what to fix.
		assertThatIllegalArgumentException().isThrownBy(() -> LoadSettings.parse(args))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains(fragments));
	}

	static Stream<Arguments> badArguments() {
		return Stream.of(bad("--threads=4", "unknown argument '--threads=4'"),
				bad("rate=5", "unknown argument 'rate=5'"),
				bad("--rate", "unknown argument '--rate'"),
				bad("--scenario=trio", "--scenario", "'trio'", "duel-first-come, duel-rating, squad"),
				bad("--rate=0", "--rate", "was 0.0"),
				bad("--rate=-5", "--rate", "was -5.0"),
				bad("--rate=abc", "--rate", "'abc'"),
				bad("--rate=NaN", "--rate"),
				bad("--rate=2000000", "--rate", "at most 1000000"),
				bad("--duration=abc", "--duration", "'abc'"),
				bad("--duration=0s", "--duration", "positive"),
				bad("--warmup=-1s", "--warmup", "negative"),
				bad("--drain=-500ms", "--drain", "negative"),
				bad("--drain=2.5m", "--drain", "'2.5m'"),
				bad("--call-timeout=0ms", "--call-timeout", "positive"),
				bad("--servers=0", "--servers", "--allocate=true"),
				bad(new String[] { "--servers=-1", "--allocate=true" }, "--servers"),
				bad("--servers=many", "--servers", "'many'"),
				bad("--seed=x", "--seed", "'x'"),
				bad("--regions= ", "--regions"),
				bad("--regions=eu, ,us", "--regions"),
				bad("--regions=,", "--regions"),
				bad("--matchmaker=ftp://localhost:8080", "--matchmaker", "'ftp://localhost:8080'"),
				bad("--serverlist=localhost:8081", "--serverlist", "'localhost:8081'"),
				bad("--identity=localhost:8083", "--identity", "'localhost:8083'"),
				bad("--allocate=maybe", "--allocate", "'maybe'"),
				bad("--allocate=TRUE", "--allocate", "'TRUE'"));
	}

	private static Arguments bad(String arg, String... fragments) {
		return bad(new String[] { arg }, fragments);
	}

	private static Arguments bad(String[] args, String... fragments) {
		return arguments(named(String.join(" ", args), args), List.of(fragments));
	}

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(textBlock = """
			500ms, PT0.5S
			2.5s,  PT2.5S
			30s,   PT30S
			0s,    PT0S
			2m,    PT2M
			PT3S,  PT3S
			PT1M30S, PT1M30S
			""")
	void durationsTakeUnitsOrIso8601(String value, Duration expected) {
		assertThat(LoadSettings.parse("--drain=" + value).drain()).isEqualTo(expected);
	}

	@Test
	void ticketCountsFollowRateAndDurations() {
		LoadSettings settings = LoadSettings.parse("--rate=2.5", "--duration=1500ms", "--warmup=2s");

		// 3.75 tickets round to 4: the schedule sends whole tickets.
		assertThat(settings.tickets()).isEqualTo(4);
		// A ramp to 2.5/s over 2 s: 2.5 tickets, rounded to 3.
		assertThat(settings.warmupTickets()).isEqualTo(3);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("runs")
	void commandReproducesTheSettings(String[] args) {
		LoadSettings settings = LoadSettings.parse(args);

		String command = settings.command();

		assertThat(command).startsWith(MAIN + " ");
		String[] reproduced = command.substring(MAIN.length() + 1).split(" ");
		// The results folder is where the report is written, not part of the run.
		assertThat(LoadSettings.parse(reproduced)).usingRecursiveComparison().ignoringFields("out").isEqualTo(settings);
	}

	static Stream<Arguments> runs() {
		return Stream.of(run(), run("--scenario=squad", "--rate=2.5", "--warmup=0s", "--duration=1500ms", "--drain=2m",
				"--servers=0", "--allocate=false", "--regions=eu", "--seed=42", "--out=elsewhere",
				"--identity=https://idp.example/realm"),
				run("--scenario=duel-first-come", "--rate=0.001", "--warmup=PT0.25S", "--duration=PT1H", "--drain=0ms",
						"--servers=3", "--regions=eu, us ,ap,sa", "--seed=-3"),
				run("--rate=1000000", "--duration=2.5s", "--seed=" + Long.MAX_VALUE));
	}

	private static Arguments run(String... args) {
		return arguments(named(args.length == 0 ? "defaults" : String.join(" ", args), args));
	}

	@Test
	void commandListsTheArgumentsInAFixedOrder() {
		assertThat(LoadSettings.parse().command()).isEqualTo(MAIN + " --scenario=duel-rating --rate=1000 --warmup=10s "
				+ "--duration=30s --drain=30s --matchmaker=http://localhost:8080 --serverlist=http://localhost:8081 "
				+ "--identity=http://localhost:8083 --call-timeout=30s --servers=200 --regions=eu,us,ap --allocate=true --seed=1 --backfill=0 --http2=false --tickets-per-stream=1 --accept=1");
	}

}
