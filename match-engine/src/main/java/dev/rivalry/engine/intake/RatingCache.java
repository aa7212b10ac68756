package dev.rivalry.engine.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.rivalry.ratings.Rating;
import dev.rivalry.ratings.RatingChange;
import dev.rivalry.ratings.RatingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

/**
 * The players' ratings the engine matches by, read from the rating store and kept for a
 * while: a player queues again and again between two results, and their rating only
 * changes with a result.
 * <p>
 * Freshness: the store announces every change on a pub/sub channel (from the script that
 * writes it), and this cache drops the entry when the announcement arrives, so the next
 * ticket of a player who just played is matched by the new rating. Announcements are lost
 * while the subscription is down, so entries also expire after a TTL. A read that raced
 * with an announcement is used once but not kept. Thread safe.
 */
public class RatingCache implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(RatingCache.class);

	private final RatingStore store;

	private final ReactiveRedisMessageListenerContainer container;

	private final Duration ttl;

	private final int maxEntries;

	private final Clock clock;

	private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

	/** Counts announcements received, so a read can tell whether one arrived while it was out. */
	private final AtomicLong changes = new AtomicLong();

	private final Disposable.Swap subscription = Disposables.swap();

	public RatingCache(RatingStore store, ReactiveRedisMessageListenerContainer container, Duration ttl,
			int maxEntries, Clock clock) {
		this.store = store;
		this.container = container;
		this.ttl = ttl;
		this.maxEntries = maxEntries;
		this.clock = clock;
	}

	/**
	 * @param profile the profile
	 * @param players the players
	 * @return every player's rating in the profile (the default for players never rated);
	 * the ones not cached are read in one pipelined burst
	 */
	public Mono<Map<String, Rating>> ratings(String profile, Collection<String> players) {
		long now = this.clock.millis();
		Map<String, Rating> found = new HashMap<>();
		List<String> missing = new ArrayList<>();
		for (String player : players) {
			Entry entry = this.entries.get(new Key(profile, player));
			if (entry != null && entry.expiresAt() > now) {
				found.put(player, entry.rating());
			}
			else {
				missing.add(player);
			}
		}
		if (missing.isEmpty()) {
			return Mono.just(found);
		}
		long changesBefore = this.changes.get();
		return this.store.find(profile, missing).map((read) -> {
			boolean keep = this.changes.get() == changesBefore;
			read.forEach((player, stored) -> {
				found.put(player, stored.rating());
				if (keep) {
					put(new Key(profile, player), new Entry(stored.rating(), now + this.ttl.toMillis()));
				}
			});
			return found;
		});
	}

	/** @return the number of ratings cached */
	public int size() {
		return this.entries.size();
	}

	/** @return whether a player's rating in a profile is cached */
	boolean isCached(String profile, String player) {
		return this.entries.containsKey(new Key(profile, player));
	}

	private void put(Key key, Entry entry) {
		if (this.entries.size() >= this.maxEntries) {
			// Crude but bounded: a full cache starts again empty, and refills from one read per player.
			this.entries.clear();
		}
		if (this.maxEntries > 0) {
			this.entries.put(key, entry);
		}
	}

	private void changed(RatingChange change) {
		this.changes.incrementAndGet();
		this.entries.remove(new Key(change.profile(), change.player()));
	}

	/** Before the ticket binding starts consuming (its phase is {@code Integer.MAX_VALUE - 1000}). */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 2000;
	}

	/** Subscribes to rating changes and waits for Redis to confirm, before tickets are read. */
	@Override
	public void start() {
		Flux<RatingChange> announcements = this.store.changes(this.container).block(Duration.ofSeconds(30));
		this.subscription.update(announcements.subscribe(this::changed, (ex) -> {
			logger.error("Rating change subscription ended; cached ratings now live out their TTL of {}", this.ttl, ex);
			// Without announcements the entries could be stale for a whole TTL; start afresh.
			this.entries.clear();
		}));
	}

	@Override
	public void stop() {
		this.subscription.update(null);
	}

	@Override
	public boolean isRunning() {
		return this.subscription.get() != null;
	}

	private record Key(String profile, String player) {
	}

	private record Entry(Rating rating, long expiresAt) {
	}

}
