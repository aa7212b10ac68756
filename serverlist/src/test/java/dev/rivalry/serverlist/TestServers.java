package dev.rivalry.serverlist;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.rivalry.testsupport.ServicePorts;
import dev.rivalry.testsupport.http.TestClients;
import dev.rivalry.testsupport.sse.EventStream;
import reactor.core.publisher.Flux;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Registers and drives game servers over HTTP, as the servers themselves would.
 */
public final class TestServers {

	public static final String BLUE_KEY = "blue-fleet-key-0123456789";

	public static final String RED_KEY = "red-fleet-key-0123456789";

	private static final AtomicInteger PORTS = new AtomicInteger(20_000);

	private static final EventStream<Map<String, Object>> EVENTS = EventStream.ofJsonObjects();

	private final WebTestClient client;

	private final WebTestClient management;

	private final Heartbeats heartbeats;

	private final int port;

	/**
	 * @param client the serverlist's public port, as servers and players call it
	 * @param management its management port, where an operator reads servers
	 * @param heartbeats keeps registered servers alive
	 * @param port the public port, for the heartbeats
	 */
	TestServers(WebTestClient client, WebTestClient management, Heartbeats heartbeats, int port) {
		this.client = client;
		this.management = management;
		this.heartbeats = heartbeats;
		this.port = port;
	}

	/**
	 * Servers of an instance started outside the shared test context (e.g. by
	 * {@link ServerlistInstances}); none of them heartbeats unless told to.
	 * @param context the running instance
	 */
	public static TestServers of(ConfigurableApplicationContext context) {
		int port = ServerlistInstances.portOf(context);
		return new TestServers(TestClients.localhost(port), TestClients.localhost(ServicePorts.managementPort(context)),
				new Heartbeats(), port);
	}

	/** @return a game name of this test's own, so its servers meet no other test's matches */
	public static String game() {
		return "g-" + UUID.randomUUID().toString().substring(0, 8);
	}

	public static Map<String, Object> body(String game, String region, Map<String, String> labels) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("address", "10.0.0.1:" + PORTS.incrementAndGet());
		body.put("region", region);
		body.put("game", game);
		body.put("labels", labels);
		return body;
	}

	/** Registers a server in the blue fleet and keeps it heartbeating. */
	public Registered register(String game, String region, Map<String, String> labels) {
		Registered server = registerSilent(game, region, labels);
		this.heartbeats.start(this.port, server.id(), server.token());
		return server;
	}

	public Registered register(String game, String region) {
		return register(game, region, Map.of());
	}

	/** Registers a server in the blue fleet that never heartbeats. */
	public Registered registerSilent(String game, String region, Map<String, String> labels) {
		Map<String, Object> body = body(game, region, labels);
		Registered registered = this.client.post()
			.uri("/v1/servers")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + BLUE_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Registered.class)
			.returnResult()
			.getResponseBody();
		return new Registered(registered.id(), registered.token(), (String) body.get("address"));
	}

	public void silence(Registered server) {
		this.heartbeats.stop(server.id());
	}

	public void keepAlive(Registered server) {
		this.heartbeats.start(this.port, server.id(), server.token());
	}

	/** @return the server's state as an operator reads it, or {@code GONE} when it is not registered */
	public String state(String serverId) {
		EntityExchangeResult<Map> result = this.management.get()
			.uri("/v1/servers/{id}", serverId)
			.exchange()
			.expectBody(Map.class)
			.returnResult();
		return (result.getStatus().value() == 404) ? "GONE" : (String) result.getResponseBody().get("state");
	}

	public WebTestClient.ResponseSpec heartbeat(Registered server) {
		return this.client.put()
			.uri("/v1/servers/{id}/heartbeat", server.id())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + server.token())
			.exchange();
	}

	public WebTestClient.ResponseSpec started(Registered server, String matchId) {
		return this.client.post()
			.uri("/v1/servers/{id}/matches/{matchId}/started", server.id(), matchId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + server.token())
			.exchange();
	}

	public WebTestClient.ResponseSpec ready(Registered server) {
		return this.client.post()
			.uri("/v1/servers/{id}/ready", server.id())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + server.token())
			.exchange();
	}

	public WebTestClient.ResponseSpec deregister(Registered server) {
		return this.client.delete()
			.uri("/v1/servers/{id}", server.id())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + server.token())
			.exchange();
	}

	/** @return the server's event stream ({@code GET /v1/servers/{id}/events}), open until it ends or is cancelled */
	public Flux<ServerSentEvent<Map<String, Object>>> events(Registered server) {
		return EVENTS.open(eventsRequest(server));
	}

	/** @return the answer to a request for the server's event stream, for a test of a refusal */
	public WebTestClient.ResponseSpec requestEvents(Registered server) {
		return EventStream.request(eventsRequest(server));
	}

	private WebTestClient.RequestHeadersSpec<?> eventsRequest(Registered server) {
		return this.client.get()
			.uri("/v1/servers/{id}/events", server.id())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + server.token());
	}

	public WebTestClient.ResponseSpec allocate(String matchToken) {
		return this.client.post()
			.uri("/v1/allocations")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + matchToken)
			.exchange();
	}

	/** Allocates successfully and answers the body. */
	@SuppressWarnings("unchecked")
	public Map<String, Object> allocation(String matchToken) {
		return allocate(matchToken).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
	}

	/** Allocates and answers the allocated server's id (the {@code aud} of the token). */
	public String allocatedServer(String matchToken) {
		return Tokens.audience((String) allocation(matchToken).get("token"));
	}

	/**
	 * A registered server.
	 *
	 * @param id its id
	 * @param token its credential
	 * @param address the address it registered
	 */
	public record Registered(String id, String token, String address) {
	}

}
