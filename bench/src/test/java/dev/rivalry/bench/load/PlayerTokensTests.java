package dev.rivalry.bench.load;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.rivalry.devidentity.client.DevIdentityClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The players' tokens against a stand-in identity provider that answers each request with
 * a token naming what was asked: every ticket's tokens are fetched ahead, once, and the
 * run's calls then take them from the cache without asking again.
 */
class PlayerTokensTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final AtomicInteger requests = new AtomicInteger();

	/** What each token was asked for: its path and body. */
	private final Map<String, String> asked = new ConcurrentHashMap<>();

	private volatile int status = 200;

	private final DisposableServer provider = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.route((routes) -> routes.post("/v1/players/{id}/token",
				(request, response) -> request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
					.flatMap((body) -> {
						String token = "token-" + this.requests.incrementAndGet();
						this.asked.put(token, request.param("id") + " " + body);
						String answer = "{\"token\":\"" + token + "\",\"expiresAt\":\"" + Instant.now().plusSeconds(3600)
								+ "\"}";
						return response.status(this.status).header("Content-Type", "application/json")
							.sendString(Mono.just(answer)).then();
					})))
		.bindNow();

	private final PlayerTokens tokens = new PlayerTokens(
			new DevIdentityClient(HttpClient.create(), URI.create("http://127.0.0.1:" + this.provider.port())));

	@AfterEach
	void stop() {
		this.provider.disposeNow();
	}

	@Test
	void everyTicketsTokensAreFetchedAheadOnce() {
		List<List<String>> tickets = List.of(List.of("solo"), List.of("lead", "m1", "m2"), List.of("other"));

		Long fetched = this.tokens.prefetch(Flux.fromIterable(tickets)).block(WAIT);

		// A solo's token; a leader's (naming its party) and each member's own; another solo's.
		assertThat(fetched).isEqualTo(5);
		assertThat(this.requests).hasValue(5);
		assertThat(this.asked.values()).containsExactlyInAnyOrder("solo ", "lead {\"party\":[\"m1\",\"m2\"]}", "m1 ",
				"m2 ", "other ");
	}

	@Test
	void theRunsCallsTakeTheTokensFromTheCache() {
		this.tokens.prefetch(Flux.just(List.of("lead", "m1"))).block(WAIT);

		String leader = this.tokens.leader(List.of("lead", "m1")).block(WAIT);
		String member = this.tokens.own("m1").block(WAIT);

		assertThat(this.asked.get(leader)).isEqualTo("lead {\"party\":[\"m1\"]}");
		assertThat(this.asked.get(member)).isEqualTo("m1 ");
		assertThat(this.requests).as("no request after the prefetch").hasValue(2);
	}

	@Test
	void aSoloPlayersLeaderTokenIsItsOwnToken() {
		this.tokens.prefetch(Flux.just(List.of("solo"))).block(WAIT);

		assertThat(this.tokens.leader(List.of("solo")).block(WAIT)).isEqualTo(this.tokens.own("solo").block(WAIT));
		assertThat(this.requests).hasValue(1);
	}

	@Test
	void aRefusingProviderFailsThePrefetch() {
		this.status = 503;

		assertThatIllegalStateException()
			.isThrownBy(() -> this.tokens.prefetch(Flux.just(List.of("solo"))).block(WAIT))
			.withMessageContaining("503");
	}

}
