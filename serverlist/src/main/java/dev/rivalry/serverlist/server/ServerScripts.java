package dev.rivalry.serverlist.server;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.rivalry.redis.LuaScripts;
import dev.rivalry.serverlist.system.ServerlistKeys;
import dev.rivalry.serverlist.system.ServerlistProperties;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Runs the serverlist's Lua scripts. Each script is prepended with {@code lib.lua}, whose
 * helpers read a common argument header: the key base, the time, the health and retention
 * settings and {@link ServerState#transitionTable()}. Script-specific arguments follow from
 * {@code ARGV[7]}. Thread-safe; nothing blocks.
 */
public final class ServerScripts {

	private final ReactiveStringRedisTemplate redis;

	private final ServerlistKeys keys;

	private final Clock clock;

	private final List<String> settings;

	public ServerScripts(ReactiveStringRedisTemplate redis, ServerlistKeys keys, Clock clock,
			ServerlistProperties properties) {
		this.redis = redis;
		this.keys = keys;
		this.clock = clock;
		this.settings = List.of(Long.toString(properties.heartbeat().grace().toMillis()),
				Long.toString(properties.heartbeat().removeAfter().toMillis()),
				Long.toString(properties.allocation().retention().toMillis()), ServerState.transitionTable());
	}

	/**
	 * @param name a script under {@code dev/rivalry/serverlist/redis/}, without {@code .lua}
	 * @return the script, with the shared helpers in front
	 */
	public static RedisScript<String> load(String name) {
		return LuaScripts.load(String.class, "dev/rivalry/serverlist/redis/", "lib", name);
	}

	/**
	 * @param script the script
	 * @param key its {@code KEYS[1]}
	 * @param args its own arguments, from {@code ARGV[7]}
	 * @return the script's reply
	 */
	public Mono<String> run(RedisScript<String> script, String key, List<String> args) {
		List<String> argv = new ArrayList<>(5 + args.size());
		argv.add(this.keys.base());
		argv.add(Long.toString(this.clock.millis()));
		argv.addAll(this.settings);
		argv.addAll(args);
		return this.redis.execute(script, List.of(key), argv).next();
	}

	/** @return the key layout the scripts work on */
	public ServerlistKeys keys() {
		return this.keys;
	}

	/** @return the time the scripts are given */
	public Instant now() {
		return this.clock.instant();
	}

}
