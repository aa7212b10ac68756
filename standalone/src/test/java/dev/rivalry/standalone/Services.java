package dev.rivalry.standalone;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.rivalry.client.GameServer;
import dev.rivalry.client.GameServerSettings;
import dev.rivalry.client.RivalryClient;
import dev.rivalry.devidentity.DevIdentityApplication;
import dev.rivalry.devidentity.client.DevIdentityClient;
import dev.rivalry.engine.MatchEngineApplication;
import dev.rivalry.matchmaker.MatchmakerApplication;
import dev.rivalry.serverlist.ServerlistApplication;
import dev.rivalry.testsupport.ServicePorts;
import dev.rivalry.testsupport.TestKafka;
import dev.rivalry.testsupport.TestRedis;
import dev.rivalry.testsupport.http.TestClients;
import dev.rivalry.web.development.DevelopmentMode;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The development identity provider and the three services as separate application
 * contexts on the test Kafka and Redis, on ports chosen up front (the matchmaker and the
 * serverlist each verify the other's tokens against the other's JWKS, and the matchmaker
 * the provider's player tokens), all in development mode, wired as standalone wires them
 * (with its per-address limits for one machine); their management ports (the actuator,
 * what operators read) are free ones.
 */
final class Services implements AutoCloseable {

	static final String FLEET_KEY = "end-to-end-fleet-key";

	/**
	 * One logging system serves the JVM, labelled with the first context's name: off, as in
	 * standalone, so that no line claims to come from a service it does not.
	 */
	private static final String LOG_NAMES = "logging.include-application-name";

	private static final String MANAGEMENT_PORT = "management.server.port";

	final int matchmakerPort = freePort();

	final int serverlistPort = freePort();

	final int identityPort = freePort();

	private final DevIdentityClient identity = DevIdentityClient.create(identityUri());

	/** The matchmaker's signing keys, from configuration as in production: they outlive a restart. */
	private final Path matchmakerKeys = writeKeys();

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private final String engineGroup;

	private final String kafka;

	private final Map<String, Object> redis;

	private ConfigurableApplicationContext serverlistContext;

	Services(String engineGroup) {
		this(engineGroup, TestKafka.bootstrapServers());
	}

	/** Services on a Kafka of the test's own, which it may stop and start again. */
	Services(String engineGroup, String kafkaBootstrapServers) {
		this(engineGroup, kafkaBootstrapServers, TestRedis.get().springProperties());
	}

	/** Services on the given Kafka and Redis (its Spring properties: a cluster's, say). */
	Services(String engineGroup, String kafkaBootstrapServers, Map<String, Object> redis) {
		this.engineGroup = engineGroup;
		this.kafka = kafkaBootstrapServers;
		this.redis = redis;
	}

	Services start() {
		this.contexts.add(DevIdentityApplication.builder()
			.run(arguments(Map.of(DevelopmentMode.PROPERTY, true, LOG_NAMES, false, "server.port", this.identityPort,
					MANAGEMENT_PORT, 0, "rivalry.dev-identity.issuer", identityUri(), "rivalry.dev-identity.audience",
					Standalone.IDENTITY_AUDIENCE))));
		this.contexts.add(MatchEngineApplication.builder()
			.run(args(Map.of("server.port", 0, "spring.cloud.stream.bindings.tickets-in-0.group", this.engineGroup))));
		startMatchmaker();
		this.serverlistContext = ServerlistApplication.builder()
			.properties(Standalone.LOCAL_LIMITS)
			.run(args(Map.of("server.port", this.serverlistPort, "rivalry.serverlist.fleets.e2e", FLEET_KEY,
					"rivalry.tokens.remote.sources.matchmaker", jwks(this.matchmakerPort))));
		this.contexts.add(this.serverlistContext);
		return this;
	}

	/** Starts a matchmaker (again) on its port. */
	ConfigurableApplicationContext startMatchmaker() {
		Map<String, Object> own = new HashMap<>(Standalone.trust(identityUri()));
		own.putAll(Map.of("server.port", this.matchmakerPort, "rivalry.tokens.remote.sources.serverlist",
				jwks(this.serverlistPort), "rivalry.tokens.keys.jwk-set", this.matchmakerKeys));
		// These tests count every create of a flow; a cold JVM on a busy CI machine answers
		// creates slower than the shedding target and would shed some. Shedding has its own
		// tests (common-limits, the matchmaker's) and its figures in docs/benchmarks.md.
		own.put("rivalry.matchmaker.shedding.enabled", false);
		ConfigurableApplicationContext matchmaker = MatchmakerApplication.builder()
			.properties(Standalone.LOCAL_LIMITS)
			.run(args(own));
		this.contexts.add(matchmaker);
		return matchmaker;
	}

	/** Stops the running matchmaker and starts a new one on the same port. */
	void restartMatchmaker() {
		ConfigurableApplicationContext running = matchmakerContext();
		running.close();
		this.contexts.remove(running);
		startMatchmaker();
	}

	<T> T matchmakerBean(Class<T> type) {
		return matchmakerContext().getBean(type);
	}

	private ConfigurableApplicationContext matchmakerContext() {
		return this.contexts.stream()
			.filter((context) -> context.isActive()
					&& context.getBeanNamesForType(MatchmakerApplication.class).length > 0)
			.findFirst()
			.orElseThrow();
	}

	WebTestClient matchmaker() {
		return client(this.matchmakerPort);
	}

	WebTestClient serverlist() {
		return client(this.serverlistPort);
	}

	/** The serverlist's management port, where an operator lists the servers. */
	WebTestClient serverlistOperator() {
		return client(ServicePorts.managementPort(this.serverlistContext));
	}

	URI serverlistUri() {
		return URI.create("http://localhost:" + this.serverlistPort);
	}

	URI matchmakerUri() {
		return URI.create("http://localhost:" + this.matchmakerPort);
	}

	URI identityUri() {
		return URI.create("http://localhost:" + this.identityPort);
	}

	/** @return the client library on the two services, as players and game servers use it */
	RivalryClient client() {
		return RivalryClient.builder().matchmaker(matchmakerUri()).serverlist(serverlistUri()).build();
	}

	/**
	 * @param address where its players connect
	 * @return a game server of the test fleet in {@code eu}, heartbeating every second, started
	 */
	GameServer startedGameServer(String address) {
		GameServer server = client().gameServer(
				GameServerSettings.of(FLEET_KEY, address, "eu").withHeartbeatPeriod(Duration.ofSeconds(1)));
		server.start().block(Duration.ofSeconds(30));
		return server;
	}

	/** Player tokens from the provider, cached per player and party, as a game client would keep them. */
	DevIdentityClient identity() {
		return this.identity;
	}

	/**
	 * @param player the player the token is for
	 * @param party the other members of its party, who agreed to queue with it
	 * @return the player's bearer token
	 */
	String playerToken(String player, String... party) {
		return this.identity.player(player, List.of(party)).block(Duration.ofSeconds(30)).token();
	}

	private static WebTestClient client(int port) {
		// Longer than the shared clients' 30 s: several services share the machine's cores here.
		return TestClients.localhost(port).mutate().responseTimeout(Duration.ofSeconds(60)).build();
	}

	private String[] args(Map<String, Object> own) {
		Map<String, Object> properties = new HashMap<>(this.redis);
		properties.put("spring.cloud.stream.kafka.binder.brokers", this.kafka);
		properties.put("spring.kafka.bootstrap-servers", this.kafka);
		properties.put(DevelopmentMode.PROPERTY, true);
		properties.put(LOG_NAMES, false);
		properties.put(MANAGEMENT_PORT, 0);
		properties.putAll(own);
		return arguments(properties);
	}

	private static String[] arguments(Map<String, Object> properties) {
		return properties.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
	}

	private static String jwks(int port) {
		return "http://localhost:" + port + "/.well-known/jwks.json";
	}

	private static Path writeKeys() {
		try {
			Path file = Files.createTempFile("matchmaker-keys", ".json");
			file.toFile().deleteOnExit();
			return Files.writeString(file,
					new JWKSet(new ECKeyGenerator(Curve.P_256).keyID("e2e-matchmaker").generate()).toString(false));
		}
		catch (IOException | JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		for (int i = this.contexts.size() - 1; i >= 0; i--) {
			this.contexts.get(i).close();
		}
	}

}
