package dev.rivalry.tickets.proposal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.rivalry.redis.LuaScripts;
import dev.rivalry.tickets.Match;
import dev.rivalry.tickets.MatchOutcome;
import dev.rivalry.tickets.MatchProposal;
import dev.rivalry.tickets.TicketCodec;
import dev.rivalry.tickets.TicketIds;
import dev.rivalry.tickets.TicketKeys;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Proposed matches in Redis (profiles with acceptance). A proposal and its tickets change
 * together in one script, like a match: proposing moves every ticket {@code SEARCHING ->
 * PROPOSED}; each answer, and the deadline, is applied atomically by whoever calls first (a
 * matchmaker for a player, any engine or matchmaker for the deadline), and answers to an
 * ended proposal change nothing. The deadline lives in Redis, so no instance is special.
 * Thread safe; no method blocks.
 */
public final class ProposalStore {

	private static final RedisScript<String> PROPOSE = LuaScripts.load(String.class, "dev/rivalry/tickets/", "lib",
			"proposal/lib", "proposal/propose");

	private static final RedisScript<String> ANSWER = LuaScripts.load(String.class, "dev/rivalry/tickets/", "lib",
			"proposal/lib", "proposal/answer");

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
	 * @param clock the time source of deadlines
	 * @param retention how long a ticket stays readable once it ended (and an ended proposal
	 * answers late calls)
	 * @param matchRetention how long an accepted match stays readable
	 */
	public ProposalStore(ReactiveStringRedisTemplate redis, TicketKeys keys, TicketCodec codec, Clock clock,
			Duration retention, Duration matchRetention) {
		this.redis = redis;
		this.keys = keys;
		this.codec = codec;
		this.clock = clock;
		this.retention = retention;
		this.matchRetention = matchRetention;
	}

	/**
	 * Moves every ticket of a match to {@code PROPOSED}, in one atomic step, or does nothing;
	 * then schedules the proposal's deadline for the sweepers.
	 * @param match the match the proposal becomes when all accept
	 * @param ticketIds its tickets, all of one pool
	 * @param timeout how long the players have to accept
	 * @return {@link MatchOutcome.Proposed}, or {@link MatchOutcome.Refused} naming the
	 * tickets that were no longer searching
	 */
	public Mono<MatchOutcome> propose(Match match, List<String> ticketIds, Duration timeout) {
		Instant expiresAt = this.clock.instant().plus(timeout);
		MatchProposal proposal = new MatchProposal(TicketIds.newIdBeside(match.id()), expiresAt,
				match.participants().size(), List.of());
		String head = "{\"id\":\"" + proposal.id() + "\",\"expiresAt\":\"" + expiresAt + "\",\"players\":"
				+ proposal.players() + ",\"accepted\":";
		List<String> keys = new ArrayList<>(1 + ticketIds.size());
		keys.add(this.keys.proposal(proposal.id()));
		ticketIds.forEach((id) -> keys.add(this.keys.ticket(id)));
		List<String> args = new ArrayList<>(9 + ticketIds.size());
		args.addAll(List.of(this.keys.channelPrefix(), now(), proposal.id(), head,
				Integer.toString(proposal.players()), this.codec.encode(match),
				Long.toString(expiresAt.toEpochMilli()), millis(timeout.plus(this.retention)), match.id()));
		args.addAll(ticketIds);
		return this.redis.execute(PROPOSE, keys, args).next().flatMap((reply) -> {
			if (reply.startsWith("refused|")) {
				return Mono.just(new MatchOutcome.Refused(Arrays.asList(reply.substring(8).split(","))));
			}
			return this.redis.opsForZSet()
				.add(this.keys.proposalDeadlines(), proposal.id(), expiresAt.toEpochMilli())
				.thenReturn(new MatchOutcome.Proposed(match, proposal));
		});
	}

	/**
	 * Records players' acceptance; the last one forms the match.
	 * @param proposalId the proposal the ticket showed
	 * @param ticketId the answering ticket
	 * @param players the ticket's players the caller answers for
	 * @return the proposal after the answer, or empty when it is unknown or the ticket not in it
	 */
	public Mono<ProposalResult> accept(String proposalId, String ticketId, List<String> players) {
		return answer(proposalId, "accept", ticketId, players);
	}

	/**
	 * Declines for a ticket: it ends {@code CANCELLED} ({@code declined}) and every other
	 * ticket of the proposal searches again.
	 * @return the proposal after the answer, or empty when it is unknown or the ticket not in it
	 */
	public Mono<ProposalResult> decline(String proposalId, String ticketId) {
		return answer(proposalId, "decline", ticketId, List.of());
	}

	/**
	 * Drops the proposal if its deadline has passed and it is still open.
	 * @return the proposal as it is now, or empty when it is unknown
	 */
	public Mono<ProposalResult> expire(String proposalId) {
		return answer(proposalId, "expire", "", List.of());
	}

	/**
	 * The proposals whose deadline has passed, earliest first (ended ones included until
	 * {@link #forget forgotten}).
	 * @param limit how many at most
	 */
	public Flux<String> dueForExpiry(int limit) {
		Range<Double> due = Range.closed(Double.NEGATIVE_INFINITY, (double) this.clock.millis());
		return this.redis.opsForZSet().rangeByScore(this.keys.proposalDeadlines(), due, Limit.limit().count(limit));
	}

	/** Forgets a proposal's scheduled deadline once it ended. */
	public Mono<Void> forget(String proposalId) {
		return this.redis.opsForZSet().remove(this.keys.proposalDeadlines(), proposalId).then();
	}

	private Mono<ProposalResult> answer(String proposalId, String action, String ticketId, List<String> players) {
		if (!TicketIds.isWellFormed(proposalId)) {
			return Mono.empty();
		}
		String proposalKey = this.keys.proposal(proposalId);
		// Its tickets and match never change once proposed: reading them first leaves no race.
		return this.redis.<String, String>opsForHash()
			.multiGet(proposalKey, List.of("tickets", "matchId"))
			.filter((fields) -> fields.get(0) != null && fields.get(1) != null)
			.flatMap((fields) -> {
				List<String> ids = Arrays.asList(fields.get(0).split(","));
				List<String> keys = new ArrayList<>(2 + ids.size());
				keys.add(proposalKey);
				keys.add(this.keys.match(fields.get(1)));
				ids.forEach((id) -> keys.add(this.keys.ticket(id)));
				List<String> args = new ArrayList<>(8 + players.size());
				args.addAll(List.of(this.keys.channelPrefix(), now(), Long.toString(this.clock.millis()),
						millis(this.retention), millis(this.matchRetention), this.keys.proposalChannel(), action,
						ticketId));
				args.addAll(players);
				return this.redis.execute(ANSWER, keys, args).next();
			})
			.flatMap((reply) -> parse(proposalId, reply));
	}

	private Mono<ProposalResult> parse(String proposalId, String reply) {
		String[] parts = reply.split("\\|", 3);
		if (parts.length != 3) {
			return Mono.empty();
		}
		return Mono.just(new ProposalResult(proposalId, ProposalState.valueOf(parts[0]),
				parts[1].isEmpty() ? Map.of() : ProposalResult.parseOutcome(parts[1]),
				parts[2].isEmpty() ? null : this.codec.decodeSnapshot(parts[2])));
	}

	private String now() {
		return this.clock.instant().toString();
	}

	private static String millis(Duration duration) {
		return Long.toString(Math.max(duration.toMillis(), 1));
	}

}
