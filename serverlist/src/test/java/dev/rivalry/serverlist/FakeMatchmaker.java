package dev.rivalry.serverlist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rivalry.tokens.MatchClaims;
import dev.rivalry.tokens.Participant;
import dev.rivalry.tokens.SigningKeys;
import dev.rivalry.tokens.TokenIssuer;
import dev.rivalry.tokens.TokenKind;

/**
 * The matchmaker as the serverlist sees it in tests: it signs match tokens and serves their
 * keys at {@code /.well-known/jwks.json} (which a test may break), and it records the
 * results game servers post to {@code /v1/matches/{id}/results}. One per test JVM, on a
 * random loopback port.
 */
public final class FakeMatchmaker {

	private static FakeMatchmaker instance;

	private final SigningKeys keys = SigningKeys.generate();

	private final TokenIssuer issuer = new TokenIssuer(this.keys);

	private final BlockingQueue<PostedResult> results = new LinkedBlockingQueue<>();

	private final HttpServer server;

	private volatile boolean jwksAvailable = true;

	private FakeMatchmaker() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/.well-known/jwks.json", this::jwks);
		this.server.createContext("/v1/matches/", this::results);
		this.server.start();
	}

	public static synchronized FakeMatchmaker get() {
		if (instance == null) {
			instance = new FakeMatchmaker();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> instance.server.stop(0), "fake-matchmaker"));
		}
		return instance;
	}

	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	public String jwksUrl() {
		return baseUrl() + "/.well-known/jwks.json";
	}

	public TokenIssuer issuer() {
		return this.issuer;
	}

	/** The keys the matchmaker signs with, for tests that issue odd tokens. */
	public SigningKeys keys() {
		return this.keys;
	}

	/** Makes the JWKS endpoint answer 503 (or serve the keys again). */
	public void jwksAvailable(boolean available) {
		this.jwksAvailable = available;
	}

	/** The match token of one player of a match. */
	public String matchToken(String playerId, String matchId, List<Participant> participants,
			Map<String, Object> config, String game) {
		return this.issuer.issue(TokenKind.MATCH, new MatchClaims(playerId, matchId, "duel", config, participants, game))
			.compact();
	}

	/** The match token of a player who joined the running match through a backfill. */
	public String backfillToken(String playerId, String matchId, List<Participant> participants,
			Map<String, Object> config, String game) {
		return this.issuer
			.issue(TokenKind.MATCH, new MatchClaims(playerId, matchId, "duel", config, participants, game, true))
			.compact();
	}

	public BlockingQueue<PostedResult> results() {
		return this.results;
	}

	private void jwks(HttpExchange exchange) throws IOException {
		if (!this.jwksAvailable) {
			respond(exchange, 503, "");
			return;
		}
		exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
		respond(exchange, 200, this.keys.jwksJson());
	}

	private void results(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String matchId = path.substring("/v1/matches/".length(), path.length() - "/results".length());
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		this.results.add(new PostedResult(matchId, exchange.getRequestHeaders().getFirst("Authorization"), body));
		respond(exchange, 200, "{}");
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
		if (bytes.length > 0) {
			exchange.getResponseBody().write(bytes);
		}
		exchange.close();
	}

	/**
	 * What a game server posted.
	 *
	 * @param matchId the match in the path
	 * @param authorization the {@code Authorization} header
	 * @param body the JSON body
	 */
	public record PostedResult(String matchId, String authorization, String body) {
	}

}
