package dev.rivalry.standalone.demo;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.rivalry.devidentity.client.DevIdentityClient;
import dev.rivalry.client.ClientSettings;
import dev.rivalry.client.GameServer;
import dev.rivalry.client.GameServerSettings;
import dev.rivalry.client.RivalryClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Demo traffic against running services: simulated game servers (the client library's
 * {@link GameServer}) register in each region, and bots, alone for {@code duel} and
 * {@code arena} (answering its ready checks) and in parties for {@code squad}, get player tokens from the development identity
 * provider, queue, get matched, are allocated a server, play and queue again, so that
 * matches form, results are reported and ratings move. Each bot has a hidden skill, and
 * stronger teams win more often, so ratings spread out the way real players' do.
 * <p>
 * Everything runs on Reactor, bounded by the number of bots and servers; failures are
 * logged (debug for a bot's round, warn for a server) and the traffic goes on. Start with
 * {@link #start}, stop with {@link #close}, which deregisters the servers. Thread safe.
 */
public final class Demo implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(Demo.class);

	/** Simulated servers' addresses: never listened on, only matched to allocations' {@code conn}. */
	private static final int FIRST_PORT = 27015;

	private static final Duration SUMMARY_EVERY = Duration.ofMinutes(1);

	private static final Duration SERVER_START = Duration.ofSeconds(30);

	private final DemoSettings settings;

	private final DemoCounters counters = new DemoCounters();

	private final ConnectionProvider connections;

	private final Map<String, SimulatedServer> servers = new LinkedHashMap<>();

	private final List<BotParty> parties = new ArrayList<>();

	private final Disposable.Composite running = Disposables.composite();

	private Demo(URI matchmaker, URI serverlist, URI identity, String fleetKey, DemoSettings settings) {
		this.settings = settings;
		// Every bot holds a ticket's event stream and every server its allocation stream:
		// more connections per service than a default pool allows.
		this.connections = ConnectionProvider.builder("rivalry-demo")
			.maxConnections(Math.max(64, 2 * settings.bots() + 4 * settings.regions().size() * settings.serversPerRegion()))
			.pendingAcquireTimeout(Duration.ofSeconds(10))
			.build();
		// A bot asks again for a server while none is free: up to 15 times, as the 503's Retry-After says.
		RivalryClient client = RivalryClient.builder()
			.matchmaker(matchmaker)
			.serverlist(serverlist)
			.http(HttpClient.create(this.connections))
			.settings(ClientSettings.defaults().withRetries(15))
			.build();
		Map<String, Double> skills = new LinkedHashMap<>();
		Random random = new Random(settings.seed());
		DevIdentityClient tokens = new DevIdentityClient(HttpClient.create(this.connections), identity);
		BotPlayers players = new BotPlayers(client, tokens);
		for (String region : settings.regions()) {
			for (int i = 0; i < settings.duelPlayers(); i++) {
				String player = name(region, "duel", i);
				skills.put(player, skill(random));
				this.parties.add(party(List.of(player), "duel", region, players));
			}
			for (int i = 0; i < settings.arenaPlayers(); i++) {
				String player = name(region, "arena", i);
				skills.put(player, skill(random));
				this.parties.add(party(List.of(player), "arena", region, players));
			}
			int member = 0;
			for (int size : settings.squadParties()) {
				List<String> party = new ArrayList<>();
				for (int i = 0; i < size; i++) {
					String player = name(region, "squad", member++);
					skills.put(player, skill(random));
					party.add(player);
				}
				this.parties.add(party(party, "squad", region, players));
			}
		}
		Outcomes outcomes = new Outcomes(skills, new Random(settings.seed() + 1));
		int port = FIRST_PORT;
		for (String region : settings.regions()) {
			for (int i = 0; i < settings.serversPerRegion(); i++) {
				String address = "127.0.0.1:" + port++;
				GameServer server = client
					.gameServer(GameServerSettings.of(fleetKey, address, region).withLabels(Map.of("demo", "true")));
				this.servers.put(address, new SimulatedServer(server, address, outcomes, settings.match(), this.counters,
						settings.leaveShare()));
			}
		}
	}

	/**
	 * Starts the traffic: the servers register (retrying while the serverlist is not there
	 * yet), then the bots start queueing. Returns at once.
	 * @param matchmaker the matchmaker's base URL
	 * @param serverlist the serverlist's base URL
	 * @param identity the development identity provider's base URL, where bots get their
	 * player tokens
	 * @param fleetKey the key the servers register with
	 * @param settings how much traffic
	 * @return the running demo; close it to stop
	 */
	public static Demo start(URI matchmaker, URI serverlist, URI identity, String fleetKey, DemoSettings settings) {
		Demo demo = new Demo(matchmaker, serverlist, identity, fleetKey, settings);
		demo.run();
		return demo;
	}

	private void run() {
		Mono<Void> serversUp = Flux.fromIterable(this.servers.values())
			// A server not up in time keeps trying on its own; the bots start anyway.
			.flatMap((server) -> server.start().timeout(SERVER_START).onErrorResume((ex) -> {
				logger.warn("Demo server {} could not register: {}", server.address(), ex.toString());
				return Mono.empty();
			}))
			.then();
		this.running.add(serversUp
			.thenMany(Flux.fromIterable(this.parties).flatMap(BotParty::play, this.parties.size()))
			.subscribe());
		this.running.add(Flux.interval(SUMMARY_EVERY).subscribe((tick) -> logger.info("Demo: {}", activity())));
		logger.info("Demo traffic: {} servers and {} bots in {} ({} duel and {} arena players and {} squad parties per region)",
				this.servers.size(), this.settings.bots(), String.join(", ", this.settings.regions()),
				this.settings.duelPlayers(), this.settings.arenaPlayers(), this.settings.squadParties().size());
	}

	/** @return what the traffic did so far */
	public DemoActivity activity() {
		return this.counters.activity();
	}

	/** @return every bot's player id */
	public List<String> players() {
		return this.parties.stream().flatMap((party) -> party.players().stream()).toList();
	}

	/** Stops the bots, deregisters the servers (waiting a few seconds at most) and frees the connections. */
	@Override
	public void close() {
		this.running.dispose();
		try {
			// Called from main or a shutdown hook, never from a reactive thread: waiting is fine.
			Flux.fromIterable(this.servers.values())
				.flatMap((server) -> server.stop().timeout(Duration.ofSeconds(3), Mono.empty()))
				.then()
				.block(Duration.ofSeconds(5));
		}
		catch (RuntimeException ex) {
			logger.debug("Demo servers did not all deregister: {}", ex.toString());
		}
		this.servers.values().forEach(SimulatedServer::close);
		this.connections.dispose();
		logger.info("Demo stopped: {}", activity());
	}

	private BotParty party(List<String> players, String mode, String region, BotPlayers client) {
		return new BotParty(players, Map.of("mode", mode, "region", region), client, this.servers::get, this.settings,
				this.counters);
	}

	private static String name(String region, String mode, int index) {
		return String.format("%s-%s-%02d", region, mode, index + 1);
	}

	/** Hidden skills on the rating scale, from clearly weak to clearly strong. */
	private static double skill(Random random) {
		return 1100 + random.nextDouble() * 800;
	}

}
