package dev.rivalry.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import dev.rivalry.tokens.PartyNames;
import dev.rivalry.tokens.RemoteJwks;
import dev.rivalry.tokens.TokenVerifier;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The Java client of Rivalry (docs/client.md): one per deployment, shared by every player
 * and game server the process plays. {@link #player} gives a player's calls,
 * {@link #gameServer} a game server's whole life.
 * <p>
 * Thread safe. It holds no connection of its own: the reactor-netty client it is given
 * (or reactor-netty's default one) pools them.
 */
public final class RivalryClient {

	private final Calls calls;

	private final URI matchmaker;

	private final URI serverlist;

	/** One verifier of allocation tokens for every game server of this client; its keys fetched on first use. */
	private final Mono<TokenVerifier> verifier;

	private RivalryClient(Builder builder) {
		this.calls = new Calls(builder.http, (builder.streams != null) ? builder.streams : builder.http, builder.settings);
		this.matchmaker = builder.matchmaker;
		this.serverlist = builder.serverlist;
		URI jwks = (this.serverlist != null) ? this.serverlist.resolve("/.well-known/jwks.json") : null;
		PartyNames names = builder.names;
		this.verifier = Mono.fromSupplier(() -> TokenVerifier.builder()
			.names(names)
			.remoteKeys(names.serverlist(), RemoteJwks.builder(Objects.requireNonNull(jwks, "serverlist"))
				.refetchInterval(Duration.ofSeconds(1))
				.build())
			.build()).cache();
	}

	/** @return a builder of a client; give it the URLs of the services it calls */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * @param token the player's token from the game's identity provider, asked before each
	 * call (so a renewed token is used as soon as the source has it)
	 * @return the calls of this player; needs the matchmaker's URL (and the serverlist's to allocate)
	 */
	public PlayerClient player(TokenSource token) {
		return new PlayerClient(this.calls, required(this.matchmaker, "matchmaker"), this.serverlist,
				Objects.requireNonNull(token, "token"));
	}

	/**
	 * @param settings what the server registers as
	 * @return a game server, not started; needs the serverlist's URL (and the matchmaker's
	 * to report results and ask for backfills)
	 */
	public GameServer gameServer(GameServerSettings settings) {
		ServerCalls calls = new ServerCalls(this.calls, required(this.serverlist, "serverlist"), this.matchmaker);
		ServerStream stream = new ServerStream(calls, new Reconnecting(this.calls), this.calls.json);
		return new GameServer(settings, calls, stream, this.verifier);
	}

	private static URI required(URI uri, String service) {
		if (uri == null) {
			throw new IllegalStateException("No " + service + " URL: RivalryClient.builder()." + service + "(…)");
		}
		return uri;
	}

	/** Settings of a {@link RivalryClient}; not thread safe. */
	public static final class Builder {

		private URI matchmaker;

		private URI serverlist;

		private HttpClient http = HttpClient.create();

		private HttpClient streams;

		private ClientSettings settings = ClientSettings.defaults();

		private PartyNames names = PartyNames.defaults();

		private Builder() {
		}

		/** @param matchmaker the matchmaker's base URL, e.g. {@code http://localhost:8080} */
		public Builder matchmaker(URI matchmaker) {
			this.matchmaker = matchmaker;
			return this;
		}

		/** @param serverlist the serverlist's base URL, e.g. {@code http://localhost:8081} */
		public Builder serverlist(URI serverlist) {
			this.serverlist = serverlist;
			return this;
		}

		/** @param http the reactor-netty client to call with (its pool, event loops, TLS) */
		public Builder http(HttpClient http) {
			this.http = Objects.requireNonNull(http, "http");
			return this;
		}

		/**
		 * @param streams the reactor-netty client of event streams, when they should not
		 * share the calls' pool (each open stream holds a connection); default: the calls' client
		 */
		public Builder streams(HttpClient streams) {
			this.streams = Objects.requireNonNull(streams, "streams");
			return this;
		}

		/** @param settings timeouts, retries and reconnections */
		public Builder settings(ClientSettings settings) {
			this.settings = Objects.requireNonNull(settings, "settings");
			return this;
		}

		/** @param names the parties' names, if the deployment renamed them (the serverlist's issuer name) */
		public Builder names(PartyNames names) {
			this.names = Objects.requireNonNull(names, "names");
			return this;
		}

		public RivalryClient build() {
			return new RivalryClient(this);
		}

	}

}
