package dev.rivalry.matchmaker;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.rivalry.matchmaker.FuzzRequests.Call;
import dev.rivalry.matchmaker.ticket.TicketView;
import dev.rivalry.testsupport.TestKafka;
import dev.rivalry.testsupport.TestRedis;
import dev.rivalry.testsupport.hang.ThreadStacks;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes every matchmaker endpoint through the real HTTP stack of one running matchmaker
 * (real Kafka and Redis, a key prefix of its own), with generated bodies, headers, tokens
 * and path values ({@link FuzzRequests}). Whatever is sent: no 5xx; every 4xx is an
 * {@code application/problem+json} problem; and a refused request leaves no Redis key and
 * no Kafka record behind.
 * <p>
 * jqwik, not Jupiter, runs this class: the matchmaker is started once for all tries in
 * {@link BeforeContainer}. The number of tries is {@code jqwik.tries.default}
 * ({@code junit-platform.properties}); a longer run is in docs/testing.md.
 */
class MatchmakerFuzzTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	/**
	 * The HTTP server's own refusal of a header section over its limit (8 KiB), before any
	 * application code runs: it has no body, so it is the one 4xx without a problem.
	 */
	private static final int HEADERS_TOO_LARGE = 431;

	private static ConfigurableApplicationContext matchmaker;

	private static Footprints footprints;

	private static HttpClient http;

	private static URI base;

	private static FuzzRequests requests;

	@BeforeContainer
	static void start() {
		String keyPrefix = TestRedis.get().keyPrefix() + "fuzz:";
		matchmaker = MatchmakerInstances.start(TestKafka.bootstrapServers(),
				Map.of("rivalry.redis.key-prefix", keyPrefix));
		base = URI.create("http://localhost:" + MatchmakerInstances.portOf(matchmaker));
		http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		footprints = new Footprints(matchmaker.getBean(ReactiveStringRedisTemplate.class), keyPrefix,
				TestKafka.bootstrapServers());
		requests = new FuzzRequests(existingTickets());
	}

	@AfterContainer
	static void stop() {

		if (footprints != null) {
			footprints.close();
		}
		if (matchmaker != null) {
			matchmaker.close();
		}
	}

	@Provide
	Arbitrary<Call> calls() {
		return requests.calls();
	}

	@Property(shrinking = ShrinkingMode.BOUNDED)
	void noRequestGetsA5xxEveryRefusalIsAProblemAndLeavesNothingBehind(@ForAll("calls") Call call)
			throws IOException, InterruptedException {
		Footprints.Snapshot before = footprints.take();

		Answer answer = send(call);
		Statistics.label("status").collect(answer.status());
		assertThat(answer.status()).as("status of %s, answered %s", call, answer).isLessThan(500);
		if (answer.status() >= 400) {
			assertThat(footprints.take().newSince(before)).as("left behind by %s", call).isEmpty();
		}
		if (answer.status() >= 400 && answer.status() != HEADERS_TOO_LARGE) {
			assertThat(answer.contentType()).as("content type of %s to %s", answer, call)
				.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			JsonNode problem = json.readTree(answer.body());
			assertThat(problem.path("status").asInt()).as("problem %s of %s", answer.body(), call).isEqualTo(answer.status());
			// RFC 9457: a problem without a type is about:blank; every problem has a title.
			assertThat(problem.path("title").isString()).as("problem %s of %s", answer.body(), call).isTrue();
		}
	}

	/**
	 * Sends the call on a pooled connection, and once more on a fresh client if that
	 * connection was closed under it: a server that closes a connection after refusing a
	 * request is within its rights, a server that answers nothing twice is not.
	 */
	private static Answer send(Call call) throws IOException, InterruptedException {
		try {
			return send(http, call);
		}
		catch (IOException ex) {
			try {
				return send(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), call);
			}
			catch (IOException again) {
				// A server that answers nothing is stuck somewhere: say where, for the report.
				System.err.println(ThreadStacks.all());
				throw new IOException("No answer to " + call + ": " + again.getMessage(), again);
			}
		}
	}

	private static Answer send(HttpClient client, Call call) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(call.path()))
			.timeout(Duration.ofSeconds(20))
			.method(call.method(), (call.body() != null) ? HttpRequest.BodyPublishers.ofString(call.body())
					: HttpRequest.BodyPublishers.noBody());
		call.headers().forEach(request::header);
		HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		String contentType = response.headers().firstValue("Content-Type").orElse("");
		try (InputStream body = response.body()) {
			// An open event stream never ends: its status and type are the answer.
			boolean stream = response.statusCode() == 200 && contentType.startsWith(MediaType.TEXT_EVENT_STREAM_VALUE);
			String text = stream ? "" : new String(body.readNBytes(1024 * 1024), StandardCharsets.UTF_8);
			return new Answer(response.statusCode(), contentType, text);
		}
	}

	/** Tickets the generated reads, cancels and streams can find, one per test player. */
	private static List<String> existingTickets() {
		List<String> ids = new ArrayList<>();
		var client = TicketFixtures.client(MatchmakerInstances.portOf(matchmaker));
		for (String player : FuzzRequests.PLAYERS) {
			TicketView ticket = TicketFixtures.create(client, Map.of("players", List.of(Map.of("id", player)),
					"attributes", Map.of("mode", "squad", "region", "us")));
			ids.add(ticket.id());
		}
		return ids;
	}

	/**
	 * What the matchmaker answered.
	 *
	 * @param status the status code
	 * @param contentType the Content-Type, empty when none
	 * @param body the body as text, empty for an event stream
	 */
	record Answer(int status, String contentType, String body) {

		@Override
		public String toString() {
			return this.status + " " + this.contentType + " "
					+ ((this.body.length() > 500) ? this.body.substring(0, 500) + "..." : this.body);
		}

	}

}
