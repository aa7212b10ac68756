package dev.rivalry.serverlist.server;

import java.util.List;
import java.util.UUID;

import dev.rivalry.serverlist.system.ServerlistKeys;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The registered servers in Redis: registration, reads, and the changes a server asks for
 * itself. Each change is one script that checks the current state against
 * {@link ServerState}'s table, so concurrent requests and sweeps never interleave. Thread-safe;
 * nothing blocks.
 */
public class ServerRegistry {

	private static final RedisScript<String> REGISTER = ServerScripts.load("register");

	private static final RedisScript<String> HEARTBEAT = ServerScripts.load("heartbeat");

	private static final RedisScript<String> READY = ServerScripts.load("ready");

	private static final RedisScript<String> DEREGISTER = ServerScripts.load("deregister");

	/** How the removing scripts answer, followed by the match the server held. */
	static final String REMOVED = "removed|";

	private final ReactiveStringRedisTemplate redis;

	private final ServerScripts scripts;

	private final ServerCodec codec;

	private final String defaultGame;

	ServerRegistry(ReactiveStringRedisTemplate redis, ServerScripts scripts, ServerCodec codec, String defaultGame) {
		this.redis = redis;
		this.scripts = scripts;
		this.codec = codec;
		this.defaultGame = defaultGame;
	}

	/**
	 * Registers a server, {@code READY} and heartbeating as of now.
	 * @param fleet the fleet whose key was presented
	 * @param request what the server says of itself
	 * @return the registered server
	 */
	Mono<Server> register(String fleet, RegisterServerRequest request) {
		String id = UUID.randomUUID().toString();
		String game = (request.game() != null) ? request.game() : this.defaultGame;
		ServerCard card = new ServerCard(id, request.address(), request.region(), request.labels());
		List<String> args = List.of(id, fleet, request.address(), request.region(), game,
				this.codec.labels(request.labels()), this.codec.card(card));
		return this.scripts.run(REGISTER, keys().server(id), args)
			.filter("registered"::equals)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("Random server id " + id + " was taken")))
			.then(find(id));
	}

	/**
	 * @param serverId any string a client sent
	 * @return the server, or empty when there is none
	 */
	public Mono<Server> find(String serverId) {
		return this.redis.<String, String>opsForHash()
			.entries(keys().server(serverId))
			.collectMap((entry) -> entry.getKey(), (entry) -> entry.getValue())
			.mapNotNull(this.codec::read);
	}

	/**
	 * @param state only servers in this state, or {@code null} for all
	 * @return the servers, in no particular order
	 */
	Flux<Server> list(ServerState state) {
		String ids = (state != null) ? keys().state(state.name()) : keys().servers();
		return this.redis.opsForSet().members(ids).flatMap(this::find, 32);
	}

	/**
	 * The servers a match of this game and region may be allocated to, as last indexed; an
	 * allocation still checks each one's state atomically.
	 * @param game the game
	 * @param region the region, or {@code null} for every region
	 * @return the {@code READY} servers' cards
	 */
	public Flux<ServerCard> readyServers(String game, String region) {
		Flux<String> regions = (region != null) ? Flux.just(region)
				: this.redis.opsForSet().members(keys().regions(game));
		return regions.concatMap((each) -> this.redis.<String, String>opsForHash().values(keys().ready(game, each)))
			.map(this.codec::readCard);
	}

	/** @return the server's state after the heartbeat, or empty when there is no such server */
	Mono<ServerState> heartbeat(String serverId) {
		return this.scripts.run(HEARTBEAT, keys().server(serverId), List.of(serverId))
			.filter((reply) -> !"missing".equals(reply))
			.map(ServerState::valueOf);
	}

	/** The server is ready for a match again (after one, after recovering, or giving one back). */
	Mono<TransitionResult> ready(String serverId) {
		return this.scripts.run(READY, keys().server(serverId), List.of(serverId))
			.map((reply) -> TransitionResult.parse(reply, ServerState.READY));
	}

	/**
	 * @return the id of the match the server held ({@code ""} for none) once removed; empty
	 * when it was not there to remove
	 */
	Mono<String> deregister(String serverId) {
		return this.scripts.run(DEREGISTER, keys().server(serverId), List.of(serverId))
			.filter((reply) -> reply.startsWith(REMOVED))
			.map((reply) -> reply.substring(REMOVED.length()));
	}

	private ServerlistKeys keys() {
		return this.scripts.keys();
	}

}
