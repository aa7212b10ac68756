package dev.rivalry.operator.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rivalry.operator.resource.MatchProfile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tickets waiting for a profile are summed over its running engines' {@code GET /v1/pools}
 * (an engine reports only the pools it owns); pools of other profiles, engines not running
 * and engines that do not answer count for nothing.
 */
@EnableKubernetesMockClient(crud = true)
class EnginePoolsTests {

	private static final String POOLS = """
			[{"profile":"duel","pool":"eu","partition":0,"waiting":3,"oldestWaitMillis":10,"matchesFormed":1},
			 {"profile":"duel","pool":"us","partition":1,"waiting":2,"oldestWaitMillis":10,"matchesFormed":0},
			 {"profile":"squad","pool":"eu","partition":0,"waiting":7,"oldestWaitMillis":10,"matchesFormed":0}]
			""";

	static KubernetesClient client;

	private HttpServer engine;

	private EnginePools pools;

	@BeforeEach
	void startAnEngine() throws IOException {
		this.engine = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.engine.createContext("/v1/pools", (exchange) -> {
			byte[] body = POOLS.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.engine.start();
		EngineDeployments deployments = new EngineDeployments(client, template(), "rivalry-engine-");
		this.pools = new EnginePools(client, deployments, this.engine.getAddress().getPort(), Duration.ofSeconds(2));
	}

	@AfterEach
	void stopTheEngine() {
		this.engine.stop(0);
	}

	@Test
	void theWaitingTicketsOfTheProfileAreSummedOverItsRunningEngines() {
		pod("duel", "engine-1", "Running", "127.0.0.1");
		pod("duel", "engine-2", "Running", "127.0.0.1");
		pod("duel", "engine-3", "Pending", null);
		pod("squad", "engine-4", "Running", "127.0.0.1");
		assertThat(this.pools.waiting(profile("duel"))).isEqualTo(OptionalLong.of(10));
	}

	@Test
	void noAnswerIsNoFigure() {
		this.engine.stop(0);
		pod("lobby", "engine-5", "Running", "127.0.0.1");
		assertThat(this.pools.waiting(profile("lobby"))).isEmpty();
		assertThat(this.pools.waiting(profile("nobody"))).isEmpty();
	}

	private static void pod(String profile, String name, String phase, String ip) {
		Map<String, String> labels = new java.util.HashMap<>(Map.of("app.kubernetes.io/name", "rivalry"));
		labels.put("app.kubernetes.io/component", "engine");
		labels.put(EngineDeployments.PROFILE_LABEL, profile);
		Pod pod = new PodBuilder().withNewMetadata().withName(name).withNamespace("games").withLabels(labels).endMetadata()
			.withNewStatus().withPhase(phase).withPodIP(ip).endStatus().build();
		client.resource(pod).create();
	}

	private static MatchProfile profile(String name) {
		MatchProfile profile = new MatchProfile();
		profile.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("games").build());
		return profile;
	}

	private static String template() throws IOException {
		try (InputStream in = EnginePoolsTests.class.getResourceAsStream("/engine-template.yml")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
