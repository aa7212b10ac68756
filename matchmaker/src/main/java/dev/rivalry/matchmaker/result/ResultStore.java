package dev.rivalry.matchmaker.result;

import java.util.List;

import dev.rivalry.redis.LuaScripts;
import dev.rivalry.tickets.TicketIds;
import dev.rivalry.tickets.TicketKeys;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Results in Redis, beside their match: {@code <prefix>r:{<tag>}:<matchId>} shares the
 * match key's hash tag (one Redis Cluster slot), so one script checks the match, refuses a
 * second result and records the first, atomically; the result lives as long as the match.
 * Thread safe; no method blocks.
 */
public class ResultStore {

	private static final RedisScript<String> RECORD = LuaScripts.load(String.class, "dev/rivalry/matchmaker/", "record-result");

	private static final RedisScript<Long> COMPLETE = LuaScripts.load(Long.class, "dev/rivalry/matchmaker/", "complete-result");

	private final ReactiveStringRedisTemplate redis;

	private final TicketKeys keys;

	private final JsonMapper json;

	ResultStore(ReactiveStringRedisTemplate redis, TicketKeys keys, JsonMapper json) {
		this.redis = redis;
		this.keys = keys;
		this.json = json;
	}

	/** The key of a match's result, in the match's slot; the id must be well formed. */
	String key(String matchId) {
		String tag = TicketIds.tagOf(matchId).orElseThrow(() -> new IllegalArgumentException("Malformed match id"));
		return this.keys.prefix() + "r:{" + tag + "}:" + matchId;
	}

	/**
	 * Records a match's first result (not yet complete).
	 * @param result the result
	 * @return {@link Recording.Recorded}, {@link Recording.MatchMissing} or
	 * {@link Recording.AlreadyReported} with the earlier result
	 */
	Mono<Recording> record(MatchResult result) {
		List<String> keys = List.of(this.keys.match(result.matchId()), key(result.matchId()));
		String stored = this.json.writeValueAsString(new StoredResult(false, result));
		return this.redis.execute(RECORD, keys, List.of(stored)).next().map(this::recordingOf);
	}

	/** Marks a result complete, with its players' ratings; keeps its time to live. */
	Mono<Void> complete(MatchResult rated) {
		String stored = this.json.writeValueAsString(new StoredResult(true, rated));
		return this.redis.execute(COMPLETE, List.of(key(rated.matchId())), List.of(stored)).then();
	}

	/** @return the stored result, or empty */
	Mono<StoredResult> find(String matchId) {
		if (!TicketIds.isWellFormed(matchId)) {
			return Mono.empty();
		}
		return this.redis.opsForValue().get(key(matchId)).map((stored) -> this.json.readValue(stored, StoredResult.class));
	}

	/**
	 * @param matchId a well-formed match id
	 * @return whether a result of the match was recorded (the match is over)
	 */
	public Mono<Boolean> isReported(String matchId) {
		return this.redis.hasKey(key(matchId));
	}

	private Recording recordingOf(String reply) {
		if (reply.equals("recorded")) {
			return new Recording.Recorded();
		}
		if (reply.equals("missing")) {
			return new Recording.MatchMissing();
		}
		return new Recording.AlreadyReported(this.json.readValue(reply.substring("exists|".length()), StoredResult.class));
	}

}
