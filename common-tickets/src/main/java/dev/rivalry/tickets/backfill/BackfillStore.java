package dev.rivalry.tickets.backfill;

import dev.rivalry.redis.LuaScripts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.rivalry.tickets.Match;
import dev.rivalry.tickets.TicketCodec;
import dev.rivalry.tickets.TicketIds;
import dev.rivalry.tickets.TicketKeys;
import dev.rivalry.tokens.Participant;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Backfills in Redis, beside their match (same hash tag, one Redis Cluster slot). Like a
 * ticket's, every change of a backfill is one Lua script that checks the current state,
 * writes the new one and publishes the new form on the backfill's channel; a fill also
 * moves the tickets and the match's roster in that same step, so a slot is never filled
 * twice and a player never joins two matches. Thread safe; no method blocks.
 */
public final class BackfillStore {

	private static final RedisScript<String> READ = script("read");

	private static final RedisScript<String> OPEN = script("open");

	private static final RedisScript<String> END = script("end");

	private static final RedisScript<String> FILL = script("fill");

	/** Opening retries when the match's pointer moved between the read and the script. */
	private static final int OPEN_ATTEMPTS = 5;

	private final ReactiveStringRedisTemplate redis;

	private final TicketKeys keys;

	private final TicketCodec codec;

	private final Clock clock;

	private final Duration retention;

	/**
	 * @param redis the connection
	 * @param keys the key layout
	 * @param codec the JSON forms
	 * @param clock the time source of {@code updatedAt} and expiry
	 * @param retention how long a backfill (and a filled ticket) stays readable after it
	 * ended
	 */
	public BackfillStore(ReactiveStringRedisTemplate redis, TicketKeys keys, TicketCodec codec, Clock clock,
			Duration retention) {
		this.redis = redis;
		this.keys = keys;
		this.codec = codec;
		this.clock = clock;
		this.retention = retention;
	}

	/**
	 * A new backfill's id, in its match's slot.
	 * @param matchId a well-formed match id
	 * @return a fresh id
	 */
	public static String newId(String matchId) {
		return TicketIds.newIdBeside(matchId);
	}

	/**
	 * Opens a backfill, replacing (and publishing as {@code REPLACED}) the match's open one.
	 * @param backfill the request, its id made by {@link #newId}
	 * @return {@link BackfillOutcome.Applied} or {@link BackfillOutcome.Missing} when the
	 * match is unknown or past its retention
	 */
	public Mono<BackfillOutcome> open(Backfill backfill) {
		return open(backfill, 1);
	}

	private Mono<BackfillOutcome> open(Backfill backfill, int attempt) {
		String pointer = this.keys.openBackfill(backfill.matchId());
		return this.redis.opsForValue().get(pointer).defaultIfEmpty("").flatMap((current) -> {
			String newKey = this.keys.backfill(backfill.id());
			String currentKey = current.isEmpty() ? newKey : this.keys.backfill(current);
			Duration ttl = Duration.between(now(), backfill.expiresAt()).plus(this.retention);
			List<String> args = List.of(current, backfill.id(), this.codec.encodeValue(backfill),
					this.codec.encodeValue(backfill.slots()), now().toString(),
					Long.toString(backfill.expiresAt().toEpochMilli()), Long.toString(Math.max(ttl.toMillis(), 1)),
					this.keys.backfillChannelPrefix());
			return run(OPEN, List.of(newKey, pointer, this.keys.match(backfill.matchId()), currentKey), args);
		}).flatMap((reply) -> {
			if ("retry".equals(reply) && attempt < OPEN_ATTEMPTS) {
				return open(backfill, attempt + 1);
			}
			if (reply.startsWith("opened|")) {
				return Mono.just(new BackfillOutcome.Applied(this.codec.decodeBackfill(reply.substring(7))));
			}
			if ("retry".equals(reply)) {
				return Mono.error(new IllegalStateException("The match's backfill kept changing; try again"));
			}
			return Mono.just(new BackfillOutcome.Missing());
		});
	}

	/**
	 * Reads a backfill.
	 * @param backfillId any string a client sent
	 * @return the backfill, or empty when unknown, past its retention or malformed
	 */
	public Mono<BackfillSnapshot> find(String backfillId) {
		if (!TicketIds.isWellFormed(backfillId)) {
			return Mono.empty();
		}
		return run(READ, List.of(this.keys.backfill(backfillId)), List.of()).map(this.codec::decodeBackfill);
	}

	/**
	 * @param matchId a match id
	 * @return the match's open backfill, or empty when it has none
	 */
	public Mono<BackfillSnapshot> findOpen(String matchId) {
		if (!TicketIds.isWellFormed(matchId)) {
			return Mono.empty();
		}
		return this.redis.opsForValue().get(this.keys.openBackfill(matchId)).flatMap(this::find);
	}

	/**
	 * Ends an open backfill.
	 * @param backfill the backfill as read
	 * @param state {@link BackfillState#CANCELLED}, {@link BackfillState#ENDED}, or
	 * {@link BackfillState#EXPIRED} (refused until its expiry time)
	 * @return the outcome
	 */
	public Mono<BackfillOutcome> end(Backfill backfill, BackfillState state) {
		if (!state.isTerminal() || state == BackfillState.FILLED || state == BackfillState.REPLACED) {
			throw new IllegalArgumentException("A backfill is not ended as " + state);
		}
		List<String> args = List.of(backfill.id(), state.name(), now().toString(),
				Long.toString(this.clock.millis()), this.keys.backfillChannelPrefix());
		return run(END, List.of(this.keys.backfill(backfill.id()), this.keys.openBackfill(backfill.matchId())), args)
			.map(this::toOutcome);
	}

	/**
	 * Ends the match's open backfill, if it has one (the match is over).
	 * @param matchId the match
	 * @return the outcome, {@link BackfillOutcome.Missing} when there was none
	 */
	public Mono<BackfillOutcome> endOpen(String matchId) {
		return findOpen(matchId).flatMap((open) -> end(open.backfill(), BackfillState.ENDED))
			.defaultIfEmpty(new BackfillOutcome.Missing());
	}

	/**
	 * Moves waiting tickets into the backfill's match: each ticket {@code SEARCHING ->
	 * MATCHED} holding the match with its new roster, the roster grown, the seats taken off
	 * the open slots; or nothing.
	 * @param backfill the backfill as the engine last read it (its version is checked)
	 * @param ticketIds the tickets, all of the match's pool
	 * @param players their players with the index of the team each joins
	 * @return the outcome
	 * @throws IllegalArgumentException when the players do not fit the open slots
	 */
	public Mono<FillOutcome> fill(BackfillSnapshot backfill, List<String> ticketIds, List<Participant> players) {
		List<Backfill.Slot> openAfter = openAfter(backfill.open(), players);
		List<Participant> addedAfter = new ArrayList<>(backfill.added());
		addedAfter.addAll(players);
		String matchKey = this.keys.match(backfill.backfill().matchId());
		return this.redis.opsForValue().get(matchKey).flatMap((stored) -> {
			Match after = this.codec.decodeMatch(stored).withAdded(players);
			List<String> keys = new ArrayList<>(3 + ticketIds.size());
			keys.addAll(List.of(this.keys.backfill(backfill.id()), matchKey,
					this.keys.openBackfill(backfill.backfill().matchId())));
			ticketIds.forEach((id) -> keys.add(this.keys.ticket(id)));
			List<String> args = new ArrayList<>(13 + ticketIds.size());
			args.addAll(List.of(this.keys.backfillChannelPrefix(), backfill.id(), this.keys.channelPrefix(),
					now().toString(), Long.toString(this.clock.millis()), Long.toString(this.retention.toMillis()),
					Long.toString(backfill.version()), stored, this.codec.encode(after),
					this.codec.encode(after.joinedByBackfill()), this.codec.encodeValue(openAfter),
					this.codec.encodeValue(addedAfter),
					(openAfter.isEmpty() ? BackfillState.FILLED : BackfillState.SEARCHING).name()));
			args.addAll(ticketIds);
			return run(FILL, keys, args);
		}).map(this::toFillOutcome).defaultIfEmpty(new FillOutcome.Stale(null));
	}

	/** The slots still open once the players took their seats; teams with none left omitted. */
	static List<Backfill.Slot> openAfter(List<Backfill.Slot> open, List<Participant> players) {
		List<Backfill.Slot> after = new ArrayList<>(open.size());
		int seated = 0;
		for (Backfill.Slot slot : open) {
			long joining = players.stream().filter((p) -> p.team() == slot.teamIndex()).count();
			if (joining > slot.count()) {
				throw new IllegalArgumentException(joining + " players for " + slot.count() + " open on team " + slot.team());
			}
			seated += (int) joining;
			if (joining < slot.count()) {
				after.add(new Backfill.Slot(slot.team(), slot.count() - (int) joining));
			}
		}
		if (seated != players.size()) {
			throw new IllegalArgumentException("players for teams without open slots: " + players);
		}
		return after;
	}

	private BackfillOutcome toOutcome(String reply) {
		if (reply.startsWith("applied|")) {
			return new BackfillOutcome.Applied(this.codec.decodeBackfill(reply.substring(8)));
		}
		if (reply.startsWith("refused|")) {
			return new BackfillOutcome.Refused(this.codec.decodeBackfill(reply.substring(8)));
		}
		return new BackfillOutcome.Missing();
	}

	private FillOutcome toFillOutcome(String reply) {
		if (reply.startsWith("filled|")) {
			return new FillOutcome.Filled(this.codec.decodeBackfill(reply.substring(7)));
		}
		if (reply.startsWith("refused|")) {
			return new FillOutcome.TicketsGone(Arrays.asList(reply.substring(8).split(",")));
		}
		if (reply.startsWith("stale|")) {
			return new FillOutcome.Stale(this.codec.decodeBackfill(reply.substring(6)));
		}
		return new FillOutcome.Stale(null);
	}

	private Mono<String> run(RedisScript<String> script, List<String> keys, List<String> args) {
		return this.redis.execute(script, keys, args).next();
	}

	private Instant now() {
		return Instant.now(this.clock);
	}

	private static RedisScript<String> script(String name) {
		return LuaScripts.load(String.class, "dev/rivalry/tickets/", "lib", "backfill/lib", "backfill/" + name);
	}

}
