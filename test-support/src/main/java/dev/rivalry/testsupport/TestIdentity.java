package dev.rivalry.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import dev.rivalry.devidentity.IdentityTokens;

/**
 * A game's identity provider for the tests: one per JVM, started on first use, serving its
 * JWKS on a random loopback port, and minting player and back-end tokens with
 * {@link IdentityTokens} (the development provider's own signer). Applications under test
 * trust it through {@link TrustedTestIdentity @TrustedTestIdentity}.
 */
public final class TestIdentity {

	/** The audience every test token names and the matchmaker under test accepts. */
	public static final String AUDIENCE = "rivalry-test";

	private static final Duration LIFETIME = Duration.ofMinutes(30);

	private static TestIdentity instance;

	private final IdentityTokens tokens;

	private final URI jwkSetUri;

	private TestIdentity(HttpServer server, IdentityTokens tokens) {
		this.tokens = tokens;
		this.jwkSetUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json");
	}

	/** @return the JVM's provider, started on first use */
	public static synchronized TestIdentity get() {
		if (instance == null) {
			instance = start();
		}
		return instance;
	}

	private static TestIdentity start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			IdentityTokens tokens = IdentityTokens
				.generate("http://127.0.0.1:" + server.getAddress().getPort() + "/test-identity", AUDIENCE);
			byte[] jwks = tokens.jwksJson().getBytes(StandardCharsets.UTF_8);
			server.createContext("/.well-known/jwks.json", (exchange) -> {
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, jwks.length);
				try (OutputStream body = exchange.getResponseBody()) {
					body.write(jwks);
				}
			});
			server.setExecutor(Executors.newSingleThreadExecutor((task) -> {
				Thread thread = new Thread(task, "test-identity");
				thread.setDaemon(true);
				return thread;
			}));
			server.start();
			return new TestIdentity(server, tokens);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The test identity provider could not start", ex);
		}
	}

	/** @return the signer, for tokens with unusual claims or lifetimes */
	public IdentityTokens tokens() {
		return this.tokens;
	}

	/** @return a valid token of a solo player */
	public String player(String playerId) {
		return this.tokens.player(playerId, List.of(), LIFETIME).token();
	}

	/** @return a valid token of a party leader whose party claim lists the other members */
	public String partyLeader(String playerId, String... members) {
		return this.tokens.player(playerId, List.of(members), LIFETIME).token();
	}

	/** @return a valid token of a game back end with the tickets scope */
	public String backend(String clientId) {
		return this.tokens.backend(clientId, IdentityTokens.BACKEND_SCOPE, LIFETIME).token();
	}

	public String issuer() {
		return this.tokens.issuer();
	}

	public URI jwkSetUri() {
		return this.jwkSetUri;
	}

	/** @return the matchmaker's settings that make it trust this provider (and only it) */
	public Map<String, Object> matchmakerProperties() {
		String provider = "rivalry.matchmaker.identity.providers[0].";
		return Map.of(provider + "issuer", issuer(), provider + "jwk-set-uri", this.jwkSetUri.toString(),
				provider + "audiences[0]", AUDIENCE, provider + "algorithms[0]", "ES256");
	}

}
