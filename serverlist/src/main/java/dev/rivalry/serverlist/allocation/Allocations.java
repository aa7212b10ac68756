package dev.rivalry.serverlist.allocation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.rivalry.serverlist.server.ServerScripts;
import dev.rivalry.tokens.Participant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Allocations in Redis, one hash per match: {@code PENDING} until the server confirms the
 * start ({@link #start}) or the deadline passes, then {@code STARTED} and {@code ENDED}, or
 * {@code EXPIRED} (the match may be allocated again). Finished ones are kept for the retention time.
 * Thread-safe; nothing blocks.
 */
public class Allocations {

	private static final RedisScript<String> ALLOCATE = ServerScripts.load("allocate");

	private static final RedisScript<String> EXPIRE = ServerScripts.load("expire");

	private static final RedisScript<String> START = ServerScripts.load("start");

	private static final RedisScript<String> BACKFILL = ServerScripts.load("backfill");

	private final ReactiveStringRedisTemplate redis;

	private final ServerScripts scripts;

	private final JsonMapper json;

	Allocations(ReactiveStringRedisTemplate redis, ServerScripts scripts, JsonMapper json) {
		this.redis = redis;
		this.scripts = scripts;
		this.json = json;
	}

	/**
	 * @param matchId any match id
	 * @return the match's allocation, or empty when there is none (or it was forgotten)
	 */
	public Mono<Allocation> find(String matchId) {
		return this.redis.<String, String>opsForHash()
			.entries(this.scripts.keys().allocation(matchId))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.filter((hash) -> hash.containsKey("state"))
			.map((hash) -> new Allocation(matchId, hash.get("state"), hash.get("serverId"), hash.get("conn"),
					Instant.ofEpochMilli(Long.parseLong(hash.get("startBy"))), avoid(hash.get("avoid")),
					this.json.readValue(hash.get("match"), MatchRecord.class)));
	}

	/**
	 * Allocates the match to the first candidate still {@code READY}, unless it has a server.
	 * @param match the match
	 * @param startBy the start deadline, if this call allocates
	 * @param candidates server ids, best first
	 * @return the script's reply: {@code existing|…}, {@code allocated|…}, {@code ended} or {@code none}
	 */
	Mono<String> allocate(MatchRecord match, Instant startBy, List<String> candidates) {
		String matchJson = this.json.writeValueAsString(match);
		List<String> args = new ArrayList<>(3 + candidates.size());
		args.addAll(List.of(match.matchId(), Long.toString(startBy.toEpochMilli()), matchJson));
		args.addAll(candidates);
		return this.scripts.run(ALLOCATE, this.scripts.keys().allocation(match.matchId()), args);
	}

	/**
	 * Players joined the held match through a backfill: the allocation takes the roster of
	 * their match token, and the server is told who joined. Each player's first call adds
	 * them; calls of players already on the roster change nothing.
	 * @param matchId the match
	 * @param roster the roster of a backfilled player's match token
	 * @return {@code existing|…} (or {@code unchanged} when nobody new joined), {@code ended}
	 * when the match holds no server, or {@code retry} when the allocation changed meanwhile
	 */
	Mono<String> join(String matchId, List<Participant> roster) {
		String key = this.scripts.keys().allocation(matchId);
		return this.redis.<String, String>opsForHash().get(key, "match").flatMap((stored) -> {
			MatchRecord before = this.json.readValue(stored, MatchRecord.class);
			List<Participant> added = roster.stream().filter((p) -> !before.participants().contains(p)).toList();
			if (added.isEmpty()) {
				return Mono.just("unchanged");
			}
			List<Participant> grown = new ArrayList<>(before.participants());
			grown.addAll(added);
			MatchRecord after = new MatchRecord(before.matchId(), before.profile(), before.config(), grown, before.game());
			return this.scripts.run(BACKFILL, key, List.of(matchId, stored, this.json.writeValueAsString(after),
					this.json.writeValueAsString(added)));
		}).defaultIfEmpty("ended");
	}

	/**
	 * The server confirms the start of the match it was allocated (its {@code PENDING}
	 * allocation becomes {@code STARTED}, the server {@code PLAYING}); idempotent for the
	 * server playing the match. Counts as the server's heartbeat.
	 * @param serverId the server
	 * @param matchId the match
	 * @return the outcome
	 */
	Mono<StartOutcome> start(String serverId, String matchId) {
		return this.scripts.run(START, this.scripts.keys().server(serverId), List.of(serverId, matchId))
			.map((reply) -> StartOutcome.parse(this.json, reply));
	}

	/** @return the matches whose start deadline has passed, at most {@code limit} */
	Flux<String> dueForExpiry(int limit) {
		Range<Double> due = Range.closed(Double.NEGATIVE_INFINITY, (double) this.scripts.now().toEpochMilli());
		return this.redis.opsForZSet().rangeByScore(this.scripts.keys().deadlines(), due, Limit.limit().count(limit));
	}

	/** @return {@code expired|<server>|<its state now>} or {@code skipped} */
	Mono<String> expire(String matchId) {
		return this.scripts.run(EXPIRE, this.scripts.keys().allocation(matchId), List.of(matchId));
	}

	private static Set<String> avoid(String avoid) {
		if (avoid == null || avoid.isEmpty()) {
			return Set.of();
		}
		return Arrays.stream(avoid.split(",")).filter((id) -> !id.isEmpty()).collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * One match's allocation.
	 *
	 * @param matchId the match
	 * @param state {@code PENDING}, {@code STARTED}, {@code ENDED} or {@code EXPIRED}
	 * @param serverId the server it is (or was last) allocated to
	 * @param conn how to connect to that server
	 * @param startBy the start deadline of the last allocation
	 * @param avoid servers that let it expire
	 * @param match the match's data
	 */
	public record Allocation(String matchId, String state, String serverId, String conn, Instant startBy,
			Set<String> avoid, MatchRecord match) {

		/** @return whether the match holds its server ({@code PENDING} or {@code STARTED}) */
		public boolean isHeld() {
			return "PENDING".equals(this.state) || "STARTED".equals(this.state);
		}

		/** @return whether the match was played and its server released */
		public boolean isEnded() {
			return "ENDED".equals(this.state);
		}

	}

}
