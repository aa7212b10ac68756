package dev.rivalry.matchmaker.result;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rivalry.tickets.Match;
import dev.rivalry.tokens.AllocationClaims;
import dev.rivalry.tokens.PartyNames;
import dev.rivalry.tokens.ReportClaims;
import dev.rivalry.tokens.SigningKeys;
import dev.rivalry.tokens.TokenIssuer;
import dev.rivalry.tokens.TokenKind;
import dev.rivalry.tokens.TokenLifetimes;

/**
 * Stands in for the serverlist: its own signing keys, their JWKS served by the JDK's HTTP
 * server on a random loopback port, and report tokens issued with them.
 */
public final class FakeServerlist {

	static final String SERVER = "server-1";

	private final SigningKeys keys = SigningKeys.generate();

	private final TokenIssuer issuer = new TokenIssuer(this.keys);

	private final HttpServer server;

	private FakeServerlist() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/.well-known/jwks.json", this::serveKeys);
		this.server.setExecutor(Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "fake-serverlist");
			thread.setDaemon(true);
			return thread;
		}));
		this.server.start();
	}

	/** Starts one for the test JVM's life (the port is random, the threads are daemons). */
	public static FakeServerlist start() {
		return new FakeServerlist();
	}

	SigningKeys keys() {
		return this.keys;
	}

	public String jwksUri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/.well-known/jwks.json";
	}

	/** A valid report token for a match, as the serverlist gives the server it allocated. */
	public String reportToken(Match match) {
		return this.issuer.issue(TokenKind.REPORT, claimsOf(match)).compact();
	}

	/** A report token that expired an hour ago. */
	String expiredReportToken(Match match) {
		Clock threeHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(3)), ZoneOffset.UTC);
		return new TokenIssuer(this.keys, PartyNames.defaults(), TokenLifetimes.defaults(), threeHoursAgo)
			.issue(TokenKind.REPORT, claimsOf(match))
			.compact();
	}

	/** A report token signed with the serverlist's keys under other party names. */
	String reportTokenNaming(PartyNames names, Match match) {
		return new TokenIssuer(this.keys, names, TokenLifetimes.defaults(), Clock.systemUTC())
			.issue(TokenKind.REPORT, claimsOf(match))
			.compact();
	}

	/** An allocation token (another kind) of the match, signed with the serverlist's keys. */
	String allocationToken(Match match) {
		AllocationClaims claims = new AllocationClaims(match.participants().get(0).id(), SERVER, match.id(),
				match.config(), match.participants(), "127.0.0.1:7777", match.game());
		return this.issuer.issue(TokenKind.ALLOCATION, claims).compact();
	}

	/** A report token signed by someone else's key. */
	static String forgedReportToken(Match match) {
		return new TokenIssuer(SigningKeys.generate()).issue(TokenKind.REPORT, claimsOf(match)).compact();
	}

	static ReportClaims claimsOf(Match match) {
		return new ReportClaims(SERVER, match.id(), match.config(), match.participants(), match.game());
	}

	private void serveKeys(HttpExchange exchange) throws IOException {
		byte[] body = this.keys.jwksJson().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
