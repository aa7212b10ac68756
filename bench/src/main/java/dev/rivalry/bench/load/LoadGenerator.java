package dev.rivalry.bench.load;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import dev.rivalry.bench.load.report.LoadReport;
import dev.rivalry.client.ClientSettings;
import dev.rivalry.client.RivalryClient;
import dev.rivalry.devidentity.client.DevIdentityClient;
import io.netty.handler.codec.http.HttpMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One open-loop run: tickets arrive at a fixed rate whatever the system answers (a slow
 * answer never delays the next ticket, so it cannot hide), then the run drains, cancels
 * what is left searching, and checks that every ticket ended exactly once.
 */
public final class LoadGenerator {

	private static final Logger logger = LoggerFactory.getLogger(LoadGenerator.class);

	/** After the drain, cancelled tickets get this long to report {@code CANCELLED}. */
	private static final Duration CANCEL_GRACE = Duration.ofSeconds(15);

	private final LoadSettings settings;

	private final JsonMapper json = new JsonMapper();

	private PoolTimeline pools = new PoolTimeline();

	public LoadGenerator(LoadSettings settings) {
		this.settings = settings;
	}

	/** @return when each pool's matches arrived in the last run (for a chaos run's fault timeline) */
	public PoolTimeline pools() {
		return this.pools;
	}

	/** @return the report of one whole run: warm-up, measured window, drain, check */
	public LoadReport run() {
		int streams = (int) Math.min(60_000,
				this.settings.warmupTickets() + this.settings.tickets() + this.settings.servers() + 100);
		try (Http http = new Http(2048, streams, this.settings.callTimeout(), this.settings.http2())) {
			long batchWindow = batchWindowMillis(http);
			PlannedTicket[] planned = PlannedTicket.plan(this.settings, Long.toString(System.currentTimeMillis(), 36));
			PlayerTokens tokens = new PlayerTokens(new DevIdentityClient(http.calls(), this.settings.identity()));
			prefetch(tokens, planned);
			long firstNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
			long startNanos = firstNanos + this.settings.warmup().toNanos();
			Measurements measurements = new Measurements(startNanos);
			TicketLedger ledger = new TicketLedger();
			List<RivalryClient> instances = this.settings.matchmakers().stream().map((matchmaker) -> client(http, matchmaker)).toList();
			try (SimulatedFleet fleet = new SimulatedFleet(this.settings, instances.get(0), measurements)) {
				if (this.settings.allocate()) {
					fleet.start().block(this.settings.callTimeout().multipliedBy(2));
					logger.info("{} simulated game servers registered and listening", this.settings.servers());
				}
				PlayerFlow players = new PlayerFlow(this.settings, instances, http, this.json, measurements, ledger, fleet,
						tokens, planned);
				this.pools = players.pools();
				Instant startedAt = Instant.now().plusMillis(500).plus(this.settings.warmup());
				ScheduledExecutorService progress = progress(measurements, startNanos);
				try {
					arrivals(players, measurements, firstNanos);
					drain(players, ledger, fleet);
				}
				finally {
					progress.shutdownNow();
				}
				double window = this.settings.duration().toNanos() / 1e9;
				return new LoadReport(run(batchWindow, startedAt), measurements.throughput(window),
						measurements.latencies(), measurements.errors(), ledger.check(), measurements.timeline());
			}
		}
	}

	/**
	 * Fetches every planned ticket's tokens before the schedule starts, so that neither the
	 * provider's answers nor its signing fall into the measurements (see {@link PlayerTokens}).
	 */
	private void prefetch(PlayerTokens tokens, PlannedTicket[] planned) {
		long started = System.nanoTime();
		Long fetched;
		try {
			fetched = tokens.prefetch(Flux.fromArray(planned).map(PlannedTicket::players)).block();
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("No player tokens from the identity provider at " + this.settings.identity()
					+ " (standalone runs one on port 8083; see --identity): " + ex.getMessage(), ex);
		}
		logger.info("{} player tokens for {} tickets from {} in {} ms", fetched, planned.length,
				this.settings.identity(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
	}

	/**
	 * The arrival schedule: sent late if it must be, never skipped. The warm-up's tickets
	 * come first, on a linear ramp (rate {@code R t / W} at {@code t} into a warm-up of
	 * {@code W}, so ticket {@code i} is due at {@code sqrt(2 W i / R)}); then ticket
	 * {@code i} of the measured window is due at {@code W + i / R}.
	 */
	private void arrivals(PlayerFlow players, Measurements measurements, long firstNanos) {
		long ramp = this.settings.warmupTickets();
		long count = ramp + this.settings.tickets();
		double rate = this.settings.rate();
		double warmupNanos = this.settings.warmup().toNanos();
		logger.info("Sending {} tickets ({}): {} s of warm-up ramping up to {}/s, then {} s measured", count,
				this.settings.scenario().id(), this.settings.warmup().toSeconds(), rate,
				this.settings.duration().toSeconds());
		for (long i = 0; i < count; i++) {
			double offset = (i < ramp) ? Math.sqrt(2 * warmupNanos * i / rate * 1e9)
					: warmupNanos + (i - ramp) * 1e9 / rate;
			long due = firstNanos + (long) offset;
			long wait;
			while ((wait = due - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
			measurements.lag(due, -wait);
			players.arrive(i, due);
		}
	}

	/** Waits for every ticket to end; cancels what is still searching after the drain; waits for the games. */
	private void drain(PlayerFlow players, TicketLedger ledger, SimulatedFleet fleet) {
		await(() -> players.inFlight() == 0, this.settings.drain());
		List<String> open = ledger.open();
		if (!open.isEmpty()) {
			logger.info("Cancelling {} tickets still searching after the drain", open.size());
			Flux.fromIterable(open).flatMap(players::cancel, 64).then().block(CANCEL_GRACE.multipliedBy(4));
			await(() -> ledger.open().isEmpty(), CANCEL_GRACE);
		}
		await(() -> players.inFlight() == 0 && fleet.gamesInPlay() == 0, CANCEL_GRACE);
		// A ticket whose stream still showed no terminal state: late or lost? Its state says.
		Flux.fromIterable(ledger.open()).flatMap(players::serverState, 64).doOnNext((state) -> {
			if (!"SEARCHING".equals(state.state()) && !"PROPOSED".equals(state.state()) && !state.state().isEmpty()) {
				ledger.late(state.ticketId(), state.state());
			}
		}).then().block(CANCEL_GRACE.multipliedBy(4));
	}

	private static void await(BooleanSupplier condition, Duration atMost) {
		long until = System.nanoTime() + atMost.toNanos();
		while (!condition.getAsBoolean() && System.nanoTime() < until) {
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
		}
	}

	private ScheduledExecutorService progress(Measurements measurements, long startNanos) {
		ScheduledExecutorService printer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "bench-progress");
			thread.setDaemon(true);
			return thread;
		});
		printer.scheduleAtFixedRate(() -> {
			int second = (int) ((System.nanoTime() - startNanos) / 1_000_000_000L) - 1;
			if (second >= 0) {
				logger.info("t={}s  {}", second, measurements.progress(second));
			}
		}, 1500, 1000, TimeUnit.MILLISECONDS);
		return printer;
	}

	/**
	 * The client library on one matchmaker instance and the serverlist, through the
	 * generator's pools. It never asks again by itself: every refusal is counted, and the
	 * generator decides what to retry (allocations while no server is free).
	 */
	private RivalryClient client(Http http, URI matchmaker) {
		return RivalryClient.builder()
			.matchmaker(matchmaker)
			.serverlist(this.settings.serverlist())
			.http(http.calls())
			.streams(http.streams())
			.settings(ClientSettings.defaults().withRetries(0).withCallTimeout(this.settings.callTimeout()))
			.build();
	}

	/** Reads the scenario's profile from the matchmaker: it must be served, and its batching window sets the goal. */
	private long batchWindowMillis(Http http) {
		Http.Response response = http
			.call(HttpMethod.GET, this.settings.matchmaker().resolve("/v1/profiles"), null, null)
			.block(this.settings.callTimeout());
		if (response == null || response.status() != 200) {
			throw new IllegalStateException("GET /v1/profiles on " + this.settings.matchmaker() + " answered "
					+ ((response != null) ? response.status() : "nothing"));
		}
		for (JsonNode profile : this.json.readTree(response.body())) {
			if (this.settings.scenario().profile().equals(profile.path("name").asString())) {
				return profile.path("batchWindow").asLong();
			}
		}
		throw new IllegalStateException("The matchmaker at " + this.settings.matchmaker() + " has no profile '"
				+ this.settings.scenario().profile() + "': start the stack with the bench profiles "
				+ "(RIVALRY_PROFILES=file:bench/profiles.yml), see docs/benchmarks.md");
	}

	private LoadReport.Run run(long batchWindow, Instant startedAt) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		environment.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
		environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		environment.put("matchmaker", this.settings.matchmaker().toString());
		environment.put("serverlist", this.settings.serverlist().toString());
		environment.put("identity", this.settings.identity().toString());
		environment.put("servers", Integer.toString(this.settings.servers()));
		environment.put("regions", String.join(",", this.settings.regions()));
		return new LoadReport.Run(this.settings.scenario().id(), this.settings.scenario().profile(), batchWindow,
				this.settings.rate(), this.settings.duration().toNanos() / 1e9, startedAt, Instant.now(),
				this.settings.command(), environment);
	}

}
