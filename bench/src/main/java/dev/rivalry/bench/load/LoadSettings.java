package dev.rivalry.bench.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One load run, from {@code --name=value} arguments; every setting has a default that
 * targets the standalone stack ({@code java -jar rivalry-standalone.jar --demo=false}).
 *
 * @param scenario what the players queue for
 * @param rate tickets per second, fixed (open loop)
 * @param warmup how long tickets arrive before the measured window, the rate ramping up
 * linearly from zero to {@code rate}: a cold JVM (its JIT compiler busy for tens of seconds)
 * given the full rate at once builds a backlog it never drains, and the run would measure
 * the cold start; the exactly-once check still covers these tickets
 * @param duration how long tickets arrive and are measured
 * @param drain how long to wait after the last arrival for every ticket to end before
 * cancelling what is still searching
 * @param matchmaker the (first) matchmaker's base URL
 * @param serverlist the serverlist's base URL
 * @param identity the development identity provider's base URL: the players' tokens come
 * from it, all fetched before the schedule starts (see {@link PlayerTokens})
 * @param fleetKey the key the simulated game servers register with
 * @param servers how many simulated game servers to run (spread over the regions)
 * @param regions the regions tickets and servers are spread over, round-robin
 * @param allocate whether matched players trade their match tokens for allocations and
 * the servers play and report
 * @param out the results folder
 * @param seed the seed of the party sizes
 * @param callTimeout a call not answered in this long is an error ({@code timeout})
 * @param matchmakers every matchmaker instance, {@code matchmaker} first ({@code --matchmaker=url1,url2}):
 * tickets are created on them in turn (a create whose connection is refused goes to the next),
 * and a stream that breaks is opened again on the next one, as a client behind a load balancer would
 * @param backfill the share of started matches in which a player "leaves": the simulated
 * server asks for one replacement through a backfill, and reports only once it came or the
 * backfill expired (with {@code --allocate=true})
 * @param http2 whether the players' calls and event streams go over HTTP/2 cleartext
 * (h2c, prior knowledge), multiplexed on a few connections instead of a connection per
 * stream; the simulated servers and the identity provider keep HTTP/1.1
 * @param ticketsPerStream with more than 1, a game back end follows the tickets on
 * multi-ticket streams ({@code GET /v1/tickets/events?ticket=…}), this many consecutive
 * tickets per stream, instead of each player following its own
 * @param accept the share of proposed matches (profiles with acceptance, the {@code arena}
 * scenario) a player accepts; the others it declines
 */
public record LoadSettings(Scenario scenario, double rate, Duration warmup, Duration duration, Duration drain, URI matchmaker, URI serverlist,
		URI identity, String fleetKey, int servers, List<String> regions, boolean allocate, Path out, long seed, Duration callTimeout,
		List<URI> matchmakers, double backfill, boolean http2, int ticketsPerStream, double accept) {

	static final String USAGE = """
			Usage: java -cp bench/target/benchmarks.jar dev.rivalry.bench.load.LoadMain [--name=value ...]
			  --scenario=duel-first-come|duel-rating|squad|arena   (default duel-rating)
			  --rate=1000            tickets per second, open loop
			  --warmup=10s           tickets before the measured window, ramping up to --rate
			  --duration=30s         how long tickets arrive and are measured
			  --drain=30s            wait for every ticket to end, then cancel the rest
			  --matchmaker=http://localhost:8080  --serverlist=http://localhost:8081
			                         several matchmakers: --matchmaker=http://localhost:8080,http://localhost:8090
			  --identity=http://localhost:8083   players' tokens, fetched before the first ticket
			  --fleet-key=dev-fleet-key  --servers=200  --regions=eu,us,ap
			  --allocate=true        matched players get servers; servers start and report
			  --out=bench/results    --seed=1  --call-timeout=30s
			  --backfill=0           share of started matches whose server asks for a replacement player
			  --http2=false          players' calls and event streams over HTTP/2 cleartext (h2c), multiplexed
			  --tickets-per-stream=1 more than 1: a game back end follows this many tickets per event stream
			  --accept=1             share of proposed matches (arena) a player accepts; the rest it declines
			""";

	private static final Set<String> NAMES = Set.of("scenario", "rate", "warmup", "duration", "drain", "matchmaker", "serverlist",
			"identity", "fleet-key", "servers", "regions", "allocate", "out", "seed", "call-timeout", "backfill", "http2", "tickets-per-stream",
			"accept");

	public LoadSettings {
		if (!(rate > 0) || rate > 1_000_000) {
			throw new IllegalArgumentException("--rate: must be above 0 and at most 1000000 tickets/s, was " + rate);
		}
		positive("duration", duration);
		if (warmup.isNegative()) {
			throw new IllegalArgumentException("--warmup: must not be negative, was " + warmup);
		}
		positive("call-timeout", callTimeout);
		if (drain.isNegative()) {
			throw new IllegalArgumentException("--drain: must not be negative, was " + drain);
		}
		if (servers < 1 && allocate) {
			throw new IllegalArgumentException("--servers: must be at least 1 when --allocate=true, was " + servers);
		}
		if (regions.isEmpty() || regions.stream().anyMatch(String::isBlank)) {
			throw new IllegalArgumentException("--regions: a comma-separated list of region names, was " + regions);
		}
		regions = List.copyOf(regions);
		if (!(backfill >= 0 && backfill <= 1)) {
			throw new IllegalArgumentException("--backfill: a share from 0 to 1, was " + backfill);
		}
		if (!(accept >= 0 && accept <= 1)) {
			throw new IllegalArgumentException("--accept: a share from 0 to 1, was " + accept);
		}
	}

	/**
	 * @param args {@code --name=value} arguments
	 * @return the settings
	 * @throws IllegalArgumentException naming the argument that is wrong
	 */
	public static LoadSettings parse(String... args) {
		Map<String, String> given = new HashMap<>();
		for (String arg : args) {
			String[] pair = arg.startsWith("--") ? arg.substring(2).split("=", 2) : new String[0];
			if (pair.length != 2 || !NAMES.contains(pair[0])) {
				throw new IllegalArgumentException("unknown argument '" + arg + "'");
			}
			given.put(pair[0], pair[1]);
		}
		return new LoadSettings(Scenario.of(given.getOrDefault("scenario", "duel-rating")),
				number(given, "rate", "1000"), duration(given, "warmup", "10s"), duration(given, "duration", "30s"), duration(given, "drain", "30s"),
				matchmakers(given).get(0), uri(given, "serverlist", "http://localhost:8081"),
				uri(given, "identity", "http://localhost:8083"),
				given.getOrDefault("fleet-key", "dev-fleet-key"), servers(whole(given, "servers", "200")),
				Arrays.stream(given.getOrDefault("regions", "eu,us,ap").split(",", -1)).map(String::trim).toList(),
				bool(given, "allocate", "true"), Path.of(given.getOrDefault("out", "bench/results")),
				whole(given, "seed", "1"), duration(given, "call-timeout", "30s"), matchmakers(given),
				share(given, "backfill", "0"), bool(given, "http2", "false"),
				ticketsPerStream(whole(given, "tickets-per-stream", "1")), share(given, "accept", "1"));
	}

	private static List<URI> matchmakers(Map<String, String> given) {
		return Arrays.stream(given.getOrDefault("matchmaker", "http://localhost:8080").split(",", -1))
			.map((url) -> uri(Map.of("matchmaker", url.trim()), "matchmaker", ""))
			.toList();
	}

	/** @return the arguments that reproduce this run */
	public String command() {
		return String.join(" ", "java -cp bench/target/benchmarks.jar dev.rivalry.bench.load.LoadMain",
				"--scenario=" + this.scenario.id(), "--rate=" + format(this.rate), "--warmup=" + seconds(this.warmup), "--duration=" + seconds(this.duration),
				"--drain=" + seconds(this.drain), "--matchmaker=" + String.join(",", this.matchmakers.stream().map(URI::toString).toList()), "--serverlist=" + this.serverlist,
				"--identity=" + this.identity,
				"--call-timeout=" + seconds(this.callTimeout), "--servers=" + this.servers, "--regions=" + String.join(",", this.regions),
				"--allocate=" + this.allocate, "--seed=" + this.seed, "--backfill=" + format(this.backfill), "--http2=" + this.http2,
				"--tickets-per-stream=" + this.ticketsPerStream, "--accept=" + format(this.accept));
	}

	/** @return how many tickets the run sends in the measured window */
	long tickets() {
		return Math.round(this.rate * this.duration.toNanos() / 1e9);
	}

	/** @return how many tickets arrive before the measured window: half the full rate's, on a linear ramp */
	long warmupTickets() {
		return Math.round(this.rate * this.warmup.toNanos() / 1e9 / 2);
	}

	private static double share(Map<String, String> given, String name, String fallback) {
		String value = given.getOrDefault(name, fallback);
		try {
			return Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + ": not a number: '" + value + "'");
		}
	}

	private static String format(double value) {
		return (value == Math.rint(value)) ? Long.toString((long) value) : Double.toString(value);
	}

	private static String seconds(Duration duration) {
		return (duration.toMillis() % 1000 == 0) ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
	}

	/** The matchmaker takes 1 to 100 tickets on one stream. */
	private static int ticketsPerStream(long tickets) {
		if (tickets < 1 || tickets > 100) {
			throw new IllegalArgumentException("--tickets-per-stream: 1 to 100, was " + tickets);
		}
		return (int) tickets;
	}

	private static int servers(long servers) {
		if (servers < 0 || servers > 100_000) {
			throw new IllegalArgumentException("--servers: 0 to 100000, was " + servers);
		}
		return (int) servers;
	}

	private static void positive(String name, Duration value) {
		if (value.isZero() || value.isNegative()) {
			throw new IllegalArgumentException("--" + name + ": must be positive, was " + value);
		}
	}

	private static double number(Map<String, String> given, String name, String fallback) {
		return parsed(given, name, fallback, Double::parseDouble, "a number");
	}

	private static long whole(Map<String, String> given, String name, String fallback) {
		return parsed(given, name, fallback, Long::parseLong, "a whole number");
	}

	private static <T> T parsed(Map<String, String> given, String name, String fallback, Function<String, T> parser,
			String what) {
		String value = given.getOrDefault(name, fallback);
		try {
			return parser.apply(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + ": not " + what + ": '" + value + "'");
		}
	}

	private static boolean bool(Map<String, String> given, String name, String fallback) {
		String value = given.getOrDefault(name, fallback);
		if (!value.equals("true") && !value.equals("false")) {
			throw new IllegalArgumentException("--" + name + ": true or false, was '" + value + "'");
		}
		return Boolean.parseBoolean(value);
	}

	private static URI uri(Map<String, String> given, String name, String fallback) {
		String value = given.getOrDefault(name, fallback);
		URI uri;
		try {
			uri = URI.create(value);
		}
		catch (IllegalArgumentException ex) {
			uri = null;
		}
		if (uri == null || uri.getHost() == null || (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()))) {
			throw new IllegalArgumentException("--" + name + ": an http(s) base URL, was '" + value + "'");
		}
		return uri;
	}

	/** {@code 30s}, {@code 500ms}, {@code 2m}, or an ISO-8601 duration. */
	private static Duration duration(Map<String, String> given, String name, String fallback) {
		String value = given.getOrDefault(name, fallback).trim();
		try {
			if (value.endsWith("ms")) {
				return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
			}
			if (value.endsWith("s")) {
				return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
			}
			if (value.endsWith("m")) {
				return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)) * 60);
			}
			return Duration.parse(value);
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			throw new IllegalArgumentException("--" + name + ": a duration such as 30s or 500ms, was '" + value + "'");
		}
	}

}
