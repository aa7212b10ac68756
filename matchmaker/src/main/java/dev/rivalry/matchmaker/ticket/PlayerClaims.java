package dev.rivalry.matchmaker.ticket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.rivalry.redis.LuaScripts;
import dev.rivalry.tickets.TicketKeys;
import dev.rivalry.tickets.TicketStore;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * "One active ticket per player per profile". Each player's claim is one key holding the
 * id of their active ticket. Claims are released lazily: a claim whose ticket is terminal
 * or gone is taken over by the next ticket, so no cross-key transaction is needed (the
 * claim keys and the ticket keys live in different Redis Cluster slots).
 */
class PlayerClaims {

	private static final RedisScript<String> CLAIM = LuaScripts.load(String.class, "dev/rivalry/matchmaker/", "claim");

	private static final RedisScript<Long> RELEASE = LuaScripts.load(Long.class, "dev/rivalry/matchmaker/", "release");

	private final ReactiveStringRedisTemplate redis;

	private final TicketKeys keys;

	private final TicketStore tickets;

	PlayerClaims(ReactiveStringRedisTemplate redis, TicketKeys keys, TicketStore tickets) {
		this.redis = redis;
		this.keys = keys;
		this.tickets = tickets;
	}

	/**
	 * Claims every player for a ticket, or none.
	 * @return empty when all were claimed; otherwise the conflict, after the claims made so
	 * far were released
	 */
	Mono<Conflict> claimAll(String profile, List<String> playerIds, String ticketId, Duration ttl) {
		List<String> claimed = new ArrayList<>(playerIds.size());
		return Flux.fromIterable(playerIds)
			.concatMap((playerId) -> claim(profile, playerId, ticketId, ttl)
				.switchIfEmpty(Mono.fromRunnable(() -> claimed.add(playerId))))
			.next()
			.flatMap((conflict) -> releaseAll(profile, claimed, ticketId).thenReturn(conflict));
	}

	/** Releases the claims of a ticket that never became visible. */
	Mono<Void> releaseAll(String profile, List<String> playerIds, String ticketId) {
		return Flux.fromIterable(playerIds)
			.concatMap((playerId) -> this.redis.execute(RELEASE, List.of(this.keys.activeTicket(profile, playerId)),
					List.of(ticketId)))
			.then();
	}

	private Mono<Conflict> claim(String profile, String playerId, String ticketId, Duration ttl) {
		String key = this.keys.activeTicket(profile, playerId);
		return attempt(key, "", ticketId, ttl).flatMap((holder) -> this.tickets.find(holder)
			.filter((held) -> !held.state().isTerminal())
			.map((held) -> new Conflict(playerId, held.ticket().id()))
			// The holder is terminal or gone: take its claim over, unless another ticket did.
			.switchIfEmpty(Mono.defer(() -> attempt(key, holder, ticketId, ttl)
				.map((other) -> new Conflict(playerId, other)))));
	}

	/** Empty when claimed; else the id of the ticket that holds the claim. */
	private Mono<String> attempt(String key, String expectedHolder, String ticketId, Duration ttl) {
		return this.redis
			.execute(CLAIM, List.of(key), List.of(expectedHolder, ticketId, Long.toString(ttl.toMillis())))
			.next()
			.filter((reply) -> !reply.isEmpty());
	}

	/**
	 * A player who already has an active ticket in the profile.
	 * @param playerId the player
	 * @param ticketId their active ticket
	 */
	record Conflict(String playerId, String ticketId) {
	}

}
