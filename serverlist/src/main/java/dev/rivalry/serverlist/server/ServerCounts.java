package dev.rivalry.serverlist.server;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.rivalry.serverlist.system.ServerlistKeys;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The gauge {@code rivalry.servers} tagged {@code state}: how many servers of the whole
 * serverlist (not of this instance) are in each state, as of the last sweep. Gauges are read
 * on scrape threads, so they read numbers kept here, never Redis.
 */
class ServerCounts {

	private final Map<ServerState, AtomicLong> counts = new EnumMap<>(ServerState.class);

	private final ReactiveStringRedisTemplate redis;

	private final ServerlistKeys keys;

	ServerCounts(ReactiveStringRedisTemplate redis, ServerlistKeys keys, MeterRegistry registry) {
		this.redis = redis;
		this.keys = keys;
		for (ServerState state : ServerState.values()) {
			AtomicLong count = new AtomicLong();
			this.counts.put(state, count);
			Gauge.builder("rivalry.servers", count, AtomicLong::get)
				.description("Registered game servers by state")
				.tag("state", state.name())
				.register(registry);
		}
	}

	/** Reads the size of every state's set. */
	Mono<Void> refresh() {
		return Flux.fromArray(ServerState.values())
			.concatMap((state) -> this.redis.opsForSet()
				.size(this.keys.state(state.name()))
				.doOnNext((size) -> this.counts.get(state).set(size)))
			.then();
	}

	long count(ServerState state) {
		return this.counts.get(state).get();
	}

}
