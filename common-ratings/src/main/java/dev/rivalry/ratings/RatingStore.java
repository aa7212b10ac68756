package dev.rivalry.ratings;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.rivalry.redis.LuaScripts;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Ratings in Redis: one hash per player, one field per profile. Reads answer the default
 * rating (version 0) for a player never rated. A write is a compare-and-set on the
 * rating's version that also remembers the match, so each result is applied to each
 * player at most once, and announces the change on {@link RatingKeys#channel()} for
 * readers' caches. Thread safe; no method blocks.
 */
public final class RatingStore {

	private static final RedisScript<String> UPDATE = LuaScripts.load(String.class, "dev/rivalry/ratings/", "update");

	/** Reads of one batch in flight at once: Lettuce pipelines them on its connection. */
	private static final int READ_CONCURRENCY = 64;

	private final ReactiveStringRedisTemplate redis;

	private final RatingKeys keys;

	private final Rating initial;

	private final JsonMapper json;

	private final Clock clock;

	private final Duration appliedRetention;

	/**
	 * @param redis the connection
	 * @param keys the key layout
	 * @param initial the rating of a player never rated
	 * @param json the JSON mapper of the stored form
	 * @param clock the time source for remembered matches
	 * @param appliedRetention how long an applied match id is remembered per player: at
	 * least as long as a result may be applied again (the match's retention)
	 */
	public RatingStore(ReactiveStringRedisTemplate redis, RatingKeys keys, Rating initial, JsonMapper json, Clock clock,
			Duration appliedRetention) {
		this.redis = redis;
		this.keys = keys;
		this.initial = Objects.requireNonNull(initial, "initial");
		this.json = json;
		this.clock = clock;
		this.appliedRetention = appliedRetention;
	}

	public RatingKeys keys() {
		return this.keys;
	}

	/** @return the rating of a player never rated, version 0 */
	public StoredRating initial() {
		return new StoredRating(this.initial, 0);
	}

	/**
	 * @param playerId the player
	 * @return the player's stored ratings by profile; empty when never rated
	 */
	public Mono<Map<String, StoredRating>> find(String playerId) {
		return this.redis.<String, String>opsForHash()
			.entries(this.keys.ratings(playerId))
			.collectMap(Map.Entry::getKey, (entry) -> decode(entry.getValue()), LinkedHashMap::new);
	}

	/**
	 * @param profile the profile
	 * @param playerId the player
	 * @return the player's rating in the profile, or the default one
	 */
	public Mono<StoredRating> find(String profile, String playerId) {
		return this.redis.<String, String>opsForHash()
			.get(this.keys.ratings(playerId), profile)
			.map(this::decode)
			.defaultIfEmpty(initial());
	}

	/**
	 * Reads several players' ratings in one profile together (one pipelined burst).
	 * @param profile the profile
	 * @param playerIds the players
	 * @return every player's rating, the default one for players never rated
	 */
	public Mono<Map<String, StoredRating>> find(String profile, Collection<String> playerIds) {
		return Flux.fromIterable(playerIds)
			.distinct()
			.flatMap((playerId) -> find(profile, playerId).map((stored) -> Map.entry(playerId, stored)),
					READ_CONCURRENCY)
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/**
	 * Writes a player's new rating if it is still at the version read, and remembers that
	 * the match was applied.
	 * @param profile the profile
	 * @param playerId the player
	 * @param read the version the new rating was computed from
	 * @param next the new rating
	 * @param matchId the match whose result it applies
	 * @return {@link UpdateOutcome.Applied}, {@link UpdateOutcome.Conflict} or
	 * {@link UpdateOutcome.AlreadyApplied}
	 */
	public Mono<UpdateOutcome> update(String profile, String playerId, long read, Rating next, String matchId) {
		StoredRating written = new StoredRating(next, read + 1);
		List<String> keys = List.of(this.keys.ratings(playerId), this.keys.applied(playerId));
		long now = this.clock.millis();
		long retention = this.appliedRetention.toMillis();
		List<String> args = List.of(profile, Long.toString(read), encode(written), matchId, Long.toString(now),
				Long.toString(retention), this.keys.channel(),
				this.json.writeValueAsString(new RatingChange(profile, playerId)), Long.toString(now - retention));
		return this.redis.execute(UPDATE, keys, args).next().map((reply) -> outcomeOf(reply, written));
	}

	/**
	 * Subscribes to rating changes; the returned {@code Mono} completes once Redis has
	 * confirmed the subscription, so no change announced after that is missed.
	 * @param container the pub/sub connection to subscribe on
	 * @return the changes
	 */
	public Mono<Flux<RatingChange>> changes(ReactiveRedisMessageListenerContainer container) {
		return container.receiveLater(ChannelTopic.of(this.keys.channel()))
			.map((messages) -> messages.map((message) -> this.json.readValue(message.getMessage(), RatingChange.class)));
	}

	private UpdateOutcome outcomeOf(String reply, StoredRating written) {
		if (reply.equals("applied")) {
			return new UpdateOutcome.Applied(written);
		}
		int bar = reply.indexOf('|');
		String current = reply.substring(bar + 1);
		StoredRating stored = current.isEmpty() ? initial() : decode(current);
		return reply.startsWith("already|") ? new UpdateOutcome.AlreadyApplied(stored)
				: new UpdateOutcome.Conflict(stored);
	}

	private String encode(StoredRating stored) {
		Rating rating = stored.rating();
		return this.json.writeValueAsString(new Form(rating.mu(), rating.sigma(), rating.matches(), stored.version()));
	}

	private StoredRating decode(String stored) {
		Form form = this.json.readValue(stored, Form.class);
		return new StoredRating(new Rating(form.mu(), form.sigma(), form.matches()), form.version());
	}

	/** The stored JSON: {@code {"mu", "sigma", "matches", "version"}}. */
	record Form(double mu, double sigma, long matches, long version) {
	}

}
