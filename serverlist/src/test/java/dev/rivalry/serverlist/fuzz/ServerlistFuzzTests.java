package dev.rivalry.serverlist.fuzz;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import dev.rivalry.serverlist.FakeMatchmaker;
import dev.rivalry.serverlist.ServerlistInstances;
import dev.rivalry.serverlist.TestMatch;
import dev.rivalry.serverlist.TestServers;
import dev.rivalry.testsupport.RedisEndpoint;
import dev.rivalry.testsupport.ServicePorts;
import dev.rivalry.testsupport.TestRedis;
import dev.rivalry.testsupport.fuzz.FuzzAnswer;
import dev.rivalry.testsupport.fuzz.FuzzArbitraries;
import dev.rivalry.testsupport.fuzz.FuzzRequest;
import dev.rivalry.testsupport.fuzz.HttpFuzzer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests to every serverlist endpoint, on its public and management ports, through
 * the real HTTP stack and a real Redis:
 * generated methods, paths, credentials and bodies. Whatever is sent, the serverlist answers
 * without a server error (but its documented {@code 503}s), refuses with an RFC 9457 problem,
 * and a refused request leaves no Redis key behind (but the rate limits' buckets, which count
 * refusals). {@code -Djqwik.tries.default=10000} for a
 * longer run (docs/testing.md).
 */
class ServerlistFuzzTests {

	private static final Set<String> DOCUMENTED_503 = Set.of("no-capacity", "keys-unavailable");

	private static ConfigurableApplicationContext serverlist;

	private static HttpFuzzer fuzzer;

	private static HttpFuzzer management;

	private static ReactiveStringRedisTemplate redis;

	private static String keyPrefix;

	private static TestServers.Registered server;

	@BeforeContainer
	static void start() {
		keyPrefix = TestRedis.get().keyPrefix() + "fuzz-" + UUID.randomUUID() + ":";
		// Heartbeats and allocation deadlines so long that no sweep changes keys while a refused
		// request is checked (a fuzzed allocation must not time out mid-run on a slow machine).
		serverlist = ServerlistInstances.start(Map.of(RedisEndpoint.KEY_PREFIX_PROPERTY, keyPrefix,
				"rivalry.serverlist.heartbeat.period", "10m", "rivalry.serverlist.heartbeat.remove-after", "1h",
				"rivalry.serverlist.allocation.start-deadline", "1h", "rivalry.serverlist.allocation.retention", "2h"));
		String base = "http://localhost:" + ServerlistInstances.portOf(serverlist);
		fuzzer = new HttpFuzzer(base);
		management = new HttpFuzzer("http://localhost:" + ServicePorts.managementPort(serverlist));
		redis = serverlist.getBean(ReactiveStringRedisTemplate.class);
		server = TestServers.of(serverlist).registerSilent("fuzz", "eu", Map.of());
	}

	@AfterContainer
	static void stop() {
		if (serverlist != null) {
			serverlist.close();
		}
	}

	@Property
	void whateverIsSentTheServerlistAnswersWithinItsContract(@ForAll("requests") FuzzRequest request,
			@ForAll boolean toManagementPort) {
		Set<String> before = keys();
		FuzzAnswer answer = (toManagementPort ? management : fuzzer).send(request);
		// The actuator (management port) is Spring Boot's: its refusals carry no problem body.
		HttpFuzzer.assertWellBehaved(answer, request, DOCUMENTED_503, !request.path().startsWith("/actuator"));
		if (answer.status() >= 400 && answer.status() < 500) {
			assertThat(keys()).as("a refused request leaves nothing: %s", request).isEqualTo(before);
		}
	}

	@Provide
	Arbitrary<FuzzRequest> requests() {
		Arbitrary<String> method = Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH");
		Arbitrary<String> id = Arbitraries.oneOf(Arbitraries.just(server.id()), FuzzArbitraries.pathSegments());
		Arbitrary<String> path = Combinators.combine(id, FuzzArbitraries.pathSegments(), Arbitraries.of(paths()))
			.as((serverId, segment, template) -> template.replace("{id}", serverId).replace("{x}", segment));
		Arbitrary<String> authorization = Arbitraries.oneOf(FuzzArbitraries.junkAuthorizations(),
				Arbitraries.of("Bearer " + TestServers.BLUE_KEY, "Bearer " + server.token(), "Bearer " + matchToken()));
		Arbitrary<String> body = Arbitraries.oneOf(Arbitraries.just(null), FuzzArbitraries.bodies(List.of(
				Map.of("address", "10.0.0.1:7777", "region", "eu", "game", "fuzz", "labels", Map.of("map", "arena")))));
		return Combinators.combine(method, path, authorization, FuzzArbitraries.contentTypes(), body)
			.as(FuzzRequest::new);
	}

	private static List<String> paths() {
		return List.of("/v1/servers", "/v1/servers/{id}", "/v1/servers/{id}/heartbeat", "/v1/servers/{id}/ready",
				"/v1/servers/{id}/events", "/v1/servers/{id}/matches/{x}/started", "/v1/allocations", "/v1/{x}",
				"/v1/servers?state={x}", "/v1/servers/{id}/{x}", "/.well-known/jwks.json", "/actuator/{x}", "/{x}");
	}

	private static String matchToken() {
		TestMatch match = TestMatch.of("fuzz", "eu");
		return FakeMatchmaker.get().matchToken(match.player(0), match.matchId(), match.participants(), match.config(),
				match.game());
	}

	/**
	 * The serverlist's keys but the rate limits' buckets: counting refused requests (failed
	 * fleet keys and credentials per address) is what those are for.
	 */
	private static Set<String> keys() {
		Set<String> keys = new TreeSet<>(redis.keys(keyPrefix + "*").collectList().block());
		keys.removeIf((key) -> key.startsWith(keyPrefix + "limits:"));
		return keys;
	}

}
