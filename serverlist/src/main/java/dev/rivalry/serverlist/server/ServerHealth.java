package dev.rivalry.serverlist.server;

import java.util.List;

import dev.rivalry.tickets.backfill.BackfillStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Marks servers whose heartbeats stopped {@code UNHEALTHY}, removes the ones that stayed
 * silent, and refreshes the per-state gauge. Run by a {@link dev.rivalry.redis.Sweeper} on
 * every instance; each change is one script that checks the heartbeat and state again, so
 * instances racing for one server are harmless and none is special. Servers due are found by
 * score in two sorted sets (healthy ones by health deadline, unhealthy ones by removal
 * time), so a sweep reads only what is due.
 */
class ServerHealth {

	private static final Logger logger = LoggerFactory.getLogger(ServerHealth.class);

	private static final RedisScript<String> UNHEALTHY = ServerScripts.load("unhealthy");

	private static final RedisScript<String> REMOVE = ServerScripts.load("remove");

	private final ReactiveStringRedisTemplate redis;

	private final ServerScripts scripts;

	private final ServerCounts counts;

	private final int batch;

	private final Counter unhealthy;

	private final Counter removed;

	private final MatchBackfills backfills;

	ServerHealth(ReactiveStringRedisTemplate redis, ServerScripts scripts, ServerCounts counts, int batch,
			MeterRegistry registry, BackfillStore backfills) {
		this.backfills = new MatchBackfills(backfills);
		this.redis = redis;
		this.scripts = scripts;
		this.counts = counts;
		this.batch = batch;
		this.unhealthy = Counter.builder("rivalry.servers.unhealthy")
			.description("Servers marked UNHEALTHY after missing their heartbeats")
			.register(registry);
		this.removed = Counter.builder("rivalry.servers.removed")
			.description("Unhealthy servers removed after staying silent")
			.register(registry);
	}

	/** One sweep: marks, removes, counts. */
	Mono<Void> sweepOnce() {
		return due(this.scripts.keys().heartbeats()).concatMap(this::markUnhealthy)
			.thenMany(due(this.scripts.keys().silent()).concatMap(this::remove))
			.then(this.counts.refresh());
	}

	private Flux<String> due(String schedule) {
		Range<Double> due = Range.closed(Double.NEGATIVE_INFINITY, (double) this.scripts.now().toEpochMilli());
		return this.redis.opsForZSet().rangeByScore(schedule, due, Limit.limit().count(this.batch));
	}

	private Mono<String> markUnhealthy(String serverId) {
		return this.scripts.run(UNHEALTHY, this.scripts.keys().server(serverId), List.of(serverId))
			.doOnNext((reply) -> {
				if (reply.startsWith("unhealthy|")) {
					this.unhealthy.increment();
					logger.info("Server {} missed its heartbeats: UNHEALTHY (was {})", serverId, reply.substring(10));
				}
			});
	}

	private Mono<Void> remove(String serverId) {
		return this.scripts.run(REMOVE, this.scripts.keys().server(serverId), List.of(serverId))
			.filter((reply) -> reply.startsWith(ServerRegistry.REMOVED))
			.flatMap((reply) -> {
				this.removed.increment();
				logger.info("Server {} stayed silent: removed", serverId);
				return this.backfills.serverLeft(reply.substring(ServerRegistry.REMOVED.length()));
			});
	}

}
