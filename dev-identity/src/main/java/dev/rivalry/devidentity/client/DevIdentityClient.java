package dev.rivalry.devidentity.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.rivalry.devidentity.IssuedIdentityToken;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client side of the development identity provider's contract (docs/dev-identity.md),
 * for everything that plays players against a development stack: the standalone demo, the
 * bench's load generator and the end-to-end tests. Plain reactor-netty and Jackson, no
 * Spring, so the bench can use it without the provider's application around it.
 * <p>
 * Tokens are cached per player and party (and per back end) and fetched again shortly
 * before they expire; callers that ask at once share one request. A failed request is not
 * cached: the next caller asks again. Thread safe.
 */
public final class DevIdentityClient {

	/** A cached token is replaced this long before its expiry (at most half its remaining life). */
	static final Duration REFRESH_AHEAD = Duration.ofMinutes(1);

	private final HttpClient http;

	private final String provider;

	private final Clock clock;

	private final JsonMapper json = new JsonMapper();

	private final Map<Key, Mono<IssuedIdentityToken>> tokens = new ConcurrentHashMap<>();

	/**
	 * @param http the HTTP client to call with (its pool, timeouts and event loops)
	 * @param provider the provider's base URL, e.g. {@code http://localhost:8083}
	 */
	public DevIdentityClient(HttpClient http, URI provider) {
		this(http, provider, Clock.systemUTC());
	}

	DevIdentityClient(HttpClient http, URI provider, Clock clock) {
		this.http = http;
		this.provider = provider.toString().replaceAll("/+$", "");
		this.clock = clock;
	}

	/** @return a client on a default reactor-netty client */
	public static DevIdentityClient create(URI provider) {
		return new DevIdentityClient(HttpClient.create(), provider);
	}

	/** A solo player's token. */
	public Mono<IssuedIdentityToken> player(String playerId) {
		return player(playerId, List.of());
	}

	/**
	 * @param playerId the player ({@code sub})
	 * @param party the other members of its party, who agreed to queue with it (the
	 * {@code party} claim a party ticket's creator needs); empty for a solo player
	 * @return the player's token, cached; an error when the provider refuses or is not there
	 */
	public Mono<IssuedIdentityToken> player(String playerId, List<String> party) {
		List<String> members = List.copyOf(party);
		String body = members.isEmpty() ? null : this.json.writeValueAsString(Map.of("party", members));
		return cached(new Key("players", playerId, members), body);
	}

	/** @return a game back end's token (scope {@code rivalry:tickets}), cached */
	public Mono<IssuedIdentityToken> backend(String clientId) {
		return cached(new Key("backends", clientId, List.of()), null);
	}

	private Mono<IssuedIdentityToken> cached(Key key, String body) {
		return this.tokens.computeIfAbsent(key,
				(absent) -> fetch(key, body).cache(this::timeToRefresh, (error) -> Duration.ZERO, () -> Duration.ZERO));
	}

	private Mono<IssuedIdentityToken> fetch(Key key, String body) {
		String uri = this.provider + "/v1/" + key.kind() + "/" + URLEncoder.encode(key.id(), StandardCharsets.UTF_8)
				+ "/token";
		HttpClient client = this.http.headers((headers) -> {
			headers.set(HttpHeaderNames.ACCEPT, "application/json");
			if (body != null) {
				headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
			}
		});
		HttpClient.ResponseReceiver<?> request = (body != null)
				? client.post().uri(uri).send(ByteBufFlux.fromString(Mono.just(body)))
				: client.post().uri(uri);
		return request.responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8)
			.defaultIfEmpty("")
			.flatMap((text) -> (response.status().code() == 200) ? Mono.just(parse(text))
					: Mono.error(new IllegalStateException("The identity provider at " + this.provider + " answered "
							+ response.status().code() + " for " + key.kind() + "/" + key.id() + ": " + text))));
	}

	private IssuedIdentityToken parse(String text) {
		JsonNode answer = this.json.readTree(text);
		return new IssuedIdentityToken(answer.path("token").asString(), Instant.parse(answer.path("expiresAt").asString()));
	}

	private Duration timeToRefresh(IssuedIdentityToken token) {
		Duration left = Duration.between(this.clock.instant(), token.expiresAt());
		if (left.isNegative()) {
			return Duration.ZERO;
		}
		Duration ahead = (left.compareTo(REFRESH_AHEAD.multipliedBy(2)) < 0) ? left.dividedBy(2) : REFRESH_AHEAD;
		return left.minus(ahead);
	}

	private record Key(String kind, String id, List<String> party) {
	}

}
