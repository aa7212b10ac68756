package dev.rivalry.matchmaker.ticket;

import java.time.Duration;
import java.util.List;

import dev.rivalry.redis.LuaScripts;
import dev.rivalry.tickets.TicketKeys;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Remembers which ticket a {@code requestId} created, per player, for as long as the ticket
 * can be searching, so a retried request gets the same ticket and is published once.
 */
class IdempotencyKeys {

	private static final RedisScript<Long> RELEASE = LuaScripts.load(Long.class, "dev/rivalry/matchmaker/", "release");

	private final ReactiveStringRedisTemplate redis;

	private final TicketKeys keys;

	IdempotencyKeys(ReactiveStringRedisTemplate redis, TicketKeys keys) {
		this.redis = redis;
		this.keys = keys;
	}

	/**
	 * Records the key for a new ticket unless it was recorded before.
	 * @return empty when recorded now; otherwise the id of the ticket recorded earlier
	 */
	Mono<String> remember(String playerId, String requestId, String ticketId, Duration ttl) {
		String key = this.keys.request(playerId, requestId);
		return this.redis.opsForValue()
			.setIfAbsent(key, ticketId, ttl)
			.flatMap((recorded) -> recorded ? Mono.empty() : this.redis.opsForValue().get(key));
	}

	/** Forgets the key of a request that failed, so that a retry can succeed. */
	Mono<Void> forget(String playerId, String requestId, String ticketId) {
		return this.redis.execute(RELEASE, List.of(this.keys.request(playerId, requestId)), List.of(ticketId)).then();
	}

}
