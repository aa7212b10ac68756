package dev.rivalry.tickets;

import dev.rivalry.redis.LuaScripts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tickets in Redis. Every change of state is one Lua script that checks the current state,
 * writes the new one and publishes the new form on the ticket's channel, so a reader that
 * subscribed before reading can never miss a change. Thread safe; no method blocks.
 */
public final class TicketStore {

	private static final RedisScript<String> READ = script("read", String.class);

	private static final RedisScript<Long> CREATE = script("create", Long.class);

	private static final RedisScript<String> TRANSITION = script("transition", String.class);

	private static final RedisScript<String> MATCH = script("match", String.class);

	private final ReactiveStringRedisTemplate redis;

	private final TicketKeys keys;

	private final TicketCodec codec;

	private final Clock clock;

	private final Duration retention;

	private final Duration matchRetention;

	/**
	 * @param redis the connection
	 * @param keys the key layout
	 * @param codec the JSON forms
	 * @param clock the time source for {@code updatedAt} and expiry
	 * @param retention how long a ticket stays readable after it reached a terminal state
	 * @param matchRetention how long a formed match stays readable (its results come in
	 * after the game)
	 */
	public TicketStore(ReactiveStringRedisTemplate redis, TicketKeys keys, TicketCodec codec, Clock clock,
			Duration retention, Duration matchRetention) {
		this.redis = redis;
		this.keys = keys;
		this.codec = codec;
		this.clock = clock;
		this.retention = retention;
		this.matchRetention = matchRetention;
	}

	public TicketKeys keys() {
		return this.keys;
	}

	/**
	 * Stores a new {@code SEARCHING} ticket and schedules its expiry.
	 * @param ticket the ticket
	 * @return {@code true} when stored, {@code false} when the id was already taken
	 */
	public Mono<Boolean> create(Ticket ticket) {
		Duration ttl = Duration.between(this.clock.instant(), ticket.expiresAt()).plus(this.retention);
		List<String> args = List.of(this.codec.encode(ticket), now(), Long.toString(Math.max(ttl.toMillis(), 1)));
		return this.redis.execute(CREATE, List.of(this.keys.ticket(ticket.id())), args)
			.next()
			.map((created) -> created == 1L)
			.flatMap((created) -> created ? scheduleExpiry(ticket).thenReturn(true) : Mono.just(false));
	}

	/**
	 * Reads a ticket.
	 * @param ticketId any string a client sent
	 * @return the ticket, or empty when it is unknown or the id is malformed
	 */
	public Mono<TicketSnapshot> find(String ticketId) {
		if (!TicketIds.isWellFormed(ticketId)) {
			return Mono.empty();
		}
		return this.redis.execute(READ, List.of(this.keys.ticket(ticketId)), List.of())
			.next()
			.map(this.codec::decodeSnapshot);
	}

	/** Moves a {@code SEARCHING} ticket to {@code CANCELLED}. */
	public Mono<TransitionResult> cancel(String ticketId) {
		return transition(ticketId, TicketState.CANCELLED);
	}

	/** Moves a {@code SEARCHING} ticket to {@code EXPIRED}. */
	public Mono<TransitionResult> expire(String ticketId) {
		return transition(ticketId, TicketState.EXPIRED);
	}

	/**
	 * Moves every ticket of a match to {@code MATCHED} and records the match, in one
	 * atomic step; or does nothing.
	 * @param match the match, its id made by {@link TicketIds#newId} for the tickets' pool
	 * @param ticketIds its tickets, all of one pool
	 * @return {@link MatchOutcome.Formed} or {@link MatchOutcome.Refused} naming the
	 * tickets that were no longer searching
	 */
	public Mono<MatchOutcome> match(Match match, List<String> ticketIds) {
		List<String> keys = new ArrayList<>(1 + ticketIds.size());
		keys.add(this.keys.match(match.id()));
		ticketIds.forEach((id) -> keys.add(this.keys.ticket(id)));
		List<String> args = new ArrayList<>(5 + ticketIds.size());
		args.addAll(List.of(this.keys.channelPrefix(), now(), Long.toString(this.retention.toMillis()),
				this.codec.encode(match), Long.toString(this.matchRetention.toMillis())));
		args.addAll(ticketIds);
		return this.redis.execute(MATCH, keys, args).next().map((reply) -> toMatchOutcome(match, reply));
	}

	/**
	 * Reads a formed match.
	 * @param matchId any string a client sent
	 * @return the match, or empty when unknown, past its retention, or malformed
	 */
	public Mono<Match> findMatch(String matchId) {
		if (!TicketIds.isWellFormed(matchId)) {
			return Mono.empty();
		}
		return this.redis.opsForValue().get(this.keys.match(matchId)).map(this.codec::decodeMatch);
	}

	/**
	 * Removes a ticket that was never acknowledged to its client (its publication failed).
	 * @param ticket the ticket
	 * @return completes when removed
	 */
	public Mono<Void> delete(Ticket ticket) {
		return this.redis.delete(this.keys.ticket(ticket.id()))
			.then(this.redis.opsForZSet().remove(this.keys.expiring(), ticket.id()))
			.then();
	}

	/**
	 * The searching tickets whose expiry time has passed, oldest first.
	 * @param limit how many at most
	 * @return ticket ids
	 */
	public Flux<String> dueForExpiry(int limit) {
		Range<Double> due = Range.closed(Double.NEGATIVE_INFINITY, (double) this.clock.millis());
		return this.redis.opsForZSet().rangeByScore(this.keys.expiring(), due, Limit.limit().count(limit));
	}

	/** Forgets a ticket's scheduled expiry once it is terminal. */
	public Mono<Void> forgetExpiry(String ticketId) {
		return this.redis.opsForZSet().remove(this.keys.expiring(), ticketId).then();
	}

	private Mono<Void> scheduleExpiry(Ticket ticket) {
		return this.redis.opsForZSet()
			.add(this.keys.expiring(), ticket.id(), ticket.expiresAt().toEpochMilli())
			.then();
	}

	private Mono<TransitionResult> transition(String ticketId, TicketState target) {
		if (!TicketIds.isWellFormed(ticketId)) {
			return Mono.just(new TransitionResult.Missing());
		}
		List<String> args = List.of(this.keys.channel(ticketId), "," + TicketState.SEARCHING + ",", target.name(),
				now(), Long.toString(this.retention.toMillis()), "");
		return this.redis.execute(TRANSITION, List.of(this.keys.ticket(ticketId)), args)
			.next()
			.map(this::toTransitionResult);
	}

	private TransitionResult toTransitionResult(String reply) {
		if (reply.startsWith("applied|")) {
			return new TransitionResult.Applied(this.codec.decodeSnapshot(reply.substring(8)));
		}
		if (reply.startsWith("refused|")) {
			return new TransitionResult.Refused(this.codec.decodeSnapshot(reply.substring(8)));
		}
		return new TransitionResult.Missing();
	}

	private static MatchOutcome toMatchOutcome(Match match, String reply) {
		if (reply.startsWith("refused|")) {
			return new MatchOutcome.Refused(Arrays.asList(reply.substring(8).split(",")));
		}
		return new MatchOutcome.Formed(match);
	}

	private String now() {
		return Instant.now(this.clock).toString();
	}

	private static <T> RedisScript<T> script(String name, Class<T> resultType) {
		return LuaScripts.load(resultType, "dev/rivalry/tickets/", "lib", name);
	}

}
