package dev.rivalry.standalone;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.rivalry.devidentity.DevIdentityApplication;
import dev.rivalry.engine.MatchEngineApplication;
import dev.rivalry.matchmaker.MatchmakerApplication;
import dev.rivalry.serverlist.ServerlistApplication;
import dev.rivalry.standalone.demo.Demo;
import dev.rivalry.standalone.demo.DemoSettings;
import dev.rivalry.web.development.DevelopmentMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The whole system in one JVM, for local play: {@code java -jar rivalry-standalone.jar
 * [--demo=false] [--kafka-port=19092] [--redis-port=16379] [--identity-port=8083]
 * [--fleet-key=…]}. The development identity provider starts first and the matchmaker
 * trusts its player tokens; every application runs in development mode. Each service's
 * management port (the actuator and what operators read, the dashboard first) is its port
 * + 1000: the banner prints the dashboard's URL. Ctrl-C stops the
 * demo, the services and the identity provider, then Kafka, then Redis, and removes
 * Kafka's data.
 */
public final class Standalone implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(Standalone.class);

	/** The audience of the development player tokens, set on both sides so they cannot drift apart. */
	static final String IDENTITY_AUDIENCE = "rivalry";

	private static final String JWKS_PATH = "/.well-known/jwks.json";

	/**
	 * Per-address limits for one machine, where every bot, simulated server and hand-run
	 * client is 127.0.0.1 (docs/configuration.md, "Rate limits"): enough for the demo and a
	 * slow load run; bench/load.sh raises them further. The per-player, per-ticket and
	 * failed-credential limits keep their defaults. Default properties: any setting given on
	 * the command line, in the environment or in a configuration file wins.
	 */
	static final Map<String, Object> LOCAL_LIMITS = Map.of("rivalry.matchmaker.rate-limits.creates-per-address",
			"6000/1m", "rivalry.matchmaker.rate-limits.reads-per-address", "60000/1m",
			"rivalry.serverlist.rate-limits.registrations-per-address", "6000/1m");

	private final List<AutoCloseable> started = new ArrayList<>();

	private final StandaloneSettings settings;

	private ConfigurableApplicationContext matchmaker;

	private Standalone(StandaloneSettings settings) {
		this.settings = settings;
	}

	public static void main(String[] args) throws Exception {
		StandaloneSettings settings = StandaloneArguments.bind(args);
		Standalone standalone = new Standalone(settings);
		Runtime.getRuntime().addShutdownHook(new Thread(standalone::close, "rivalry-standalone-shutdown"));
		standalone.start(StandaloneArguments.forServices(args));
	}

	/** Starts everything, in dependency order; a failure stops what was started. */
	void start(String[] serviceArgs) throws Exception {
		try {
			Path data = Files.createTempDirectory("rivalry-standalone-");
			this.started.add(() -> FileSystemUtils.deleteRecursively(data));
			RedisServer redis = RedisServer.builder().bind("127.0.0.1").port(this.settings.redisPort())
				.setting("save \"\"").setting("appendonly no").build();
			redis.start();
			this.started.add(redis::stop);
			InProcessKafka kafka = InProcessKafka.start(this.settings.kafkaPort(), data.resolve("kafka"));
			this.started.add(kafka);
			// Every application here runs in development mode: the identity provider refuses to
			// start otherwise, and the well-known fleet key is accepted only then.
			// One logging system serves the JVM: the logger names tell the services apart.
			Map<String, Object> development = Map.of(DevelopmentMode.PROPERTY, true, "logging.include-application-name",
					false);
			Map<String, Object> shared = new HashMap<>(development);
			shared.putAll(Map.of("spring.data.redis.url", "redis://127.0.0.1:" + this.settings.redisPort(),
					"spring.cloud.stream.kafka.binder.brokers", kafka.bootstrapServers(), "spring.kafka.bootstrap-servers",
					kafka.bootstrapServers()));
			URI identity = local(this.settings.identityPort());
			run(DevIdentityApplication.builder(), development, serviceArgs, ports(this.settings.identityPort(),
					Map.of("rivalry.dev-identity.issuer", identity, "rivalry.dev-identity.audience", IDENTITY_AUDIENCE)));
			Map<String, Object> matchmaker = new HashMap<>(trust(identity));
			matchmaker.putAll(Map.of("rivalry.tokens.remote.sources.serverlist", jwks(this.settings.serverlistPort()),
					// The dashboard reads the engine's pools and the serverlist's servers on their management ports.
					"rivalry.matchmaker.dashboard.engines", management(this.settings.enginePort()),
					"rivalry.matchmaker.dashboard.serverlist", management(this.settings.serverlistPort())));
			this.matchmaker = run(MatchmakerApplication.builder().properties(LOCAL_LIMITS), shared, serviceArgs,
					ports(this.settings.matchmakerPort(), matchmaker));
			run(ServerlistApplication.builder().properties(LOCAL_LIMITS), shared, serviceArgs, ports(this.settings.serverlistPort(),
					Map.of("rivalry.tokens.remote.sources.matchmaker", jwks(this.settings.matchmakerPort()),
							"rivalry.serverlist.fleets.dev", this.settings.fleetKey())));
			run(MatchEngineApplication.builder(), shared, serviceArgs, ports(this.settings.enginePort(), Map.of()));
			if (this.settings.demo()) {
				this.started.add(Demo.start(local(this.settings.matchmakerPort()), local(this.settings.serverlistPort()),
						identity, this.settings.fleetKey(), DemoSettings.defaults()));
			}
			logger.info(banner());
		}
		catch (Exception ex) {
			close();
			throw ex;
		}
	}

	/**
	 * The matchmaker's settings that make it trust the development identity provider's player
	 * tokens: its issuer, where its keys are, and the audience its tokens carry.
	 */
	static Map<String, Object> trust(URI identity) {
		String provider = "rivalry.matchmaker.identity.providers[0].";
		return Map.of(provider + "issuer", identity, provider + "jwk-set-uri", identity + JWKS_PATH,
				provider + "audiences[0]", IDENTITY_AUDIENCE);
	}

	/**
	 * A service's own settings with its port and its management port (port + 1000), where
	 * the actuator and the operator surface are.
	 */
	private static Map<String, Object> ports(int port, Map<String, Object> own) {
		Map<String, Object> settings = new HashMap<>(own);
		settings.put("server.port", port);
		settings.put("management.server.port", StandaloneSettings.managementPortOf(port));
		return settings;
	}

	private ConfigurableApplicationContext run(SpringApplicationBuilder service, Map<String, Object> shared,
			String[] args, Map<String, Object> own) {
		Map<String, Object> properties = new HashMap<>(shared);
		properties.putAll(own);
		List<String> all = new ArrayList<>();
		properties.forEach((name, value) -> all.add("--" + name + "=" + value));
		all.addAll(List.of(args));
		// Standalone's own hook stops everything in order (demo, services, Kafka, Redis);
		// the services' own hooks would race it.
		ConfigurableApplicationContext context = service.registerShutdownHook(false).run(all.toArray(String[]::new));
		this.started.add(context::close);
		return context;
	}

	private String banner() {
		int managementPort = this.matchmaker.getEnvironment().getProperty("local.management.port", Integer.class);
		return String.join(System.lineSeparator(), "", "Rivalry is running:",
				"  dashboard    " + local(managementPort) + "/  (the matchmaker's management port)",
				"  matchmaker   " + local(this.settings.matchmakerPort()) + "  (API /v1, for players)",
				"  serverlist   " + local(this.settings.serverlistPort()) + "  (for game servers; servers listed at "
						+ management(this.settings.serverlistPort()) + "/v1/servers)",
				"  match-engine pools at " + management(this.settings.enginePort()) + "/v1/pools",
				"  identity     " + local(this.settings.identityPort())
						+ "  (development player tokens; only this matchmaker trusts them)",
				"  a token      curl -s -X POST " + local(this.settings.identityPort()) + "/v1/players/alice/token",
				"  operators    each service's port + 1000: /actuator/health, /actuator/prometheus",
				"  Kafka        localhost:" + this.settings.kafkaPort() + "   Redis localhost:" + this.settings.redisPort(),
				"  fleet key    " + this.settings.fleetKey(),
				this.settings.demo() ? "  demo         bots play in " + String.join(", ", DemoSettings.defaults().regions())
						+ " (--demo=false turns it off)" : "  demo         off",
				"Ctrl-C stops everything.");
	}

	/** A service's management server: its port + 1000. */
	private static URI management(int port) {
		return local(StandaloneSettings.managementPortOf(port));
	}

	private static String jwks(int port) {
		return local(port) + JWKS_PATH;
	}

	private static URI local(int port) {
		return URI.create("http://localhost:" + port);
	}

	/** Stops everything started, newest first; safe to call twice. */
	@Override
	public synchronized void close() {
		for (int i = this.started.size() - 1; i >= 0; i--) {
			try {
				this.started.get(i).close();
			}
			catch (Exception ex) {
				logger.warn("Stopping {} failed: {}", this.started.get(i), ex.toString());
			}
		}
		this.started.clear();
	}

}
