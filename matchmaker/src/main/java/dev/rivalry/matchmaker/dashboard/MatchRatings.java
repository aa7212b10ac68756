package dev.rivalry.matchmaker.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.rivalry.ratings.RatingStore;
import dev.rivalry.ratings.StoredRating;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads the ratings of the recent matches' players, so the dashboard can show how each
 * result moved them: once right after a match formed (before any result can exist), then
 * at every snapshot until the match's result has moved every player's rating version.
 * Ratings are read only when someone watches the dashboard, and only for the few recent
 * matches, so this costs nothing under load nobody looks at.
 * <p>
 * What is shown as the change is the rating's move since the match formed: a player who
 * finished another match of the profile meanwhile shows both results together.
 */
final class MatchRatings {

	private static final Logger logger = LoggerFactory.getLogger(MatchRatings.class);

	/** A match seen this recently has no result yet: results come after a game. */
	static final Duration FRESH = Duration.ofSeconds(5);

	/** Ratings of a match are followed this long for its result, then no more. */
	static final Duration PATIENCE = Duration.ofMinutes(30);

	/** Matches whose ratings are read at once. */
	private static final int CONCURRENCY = 4;

	private final RatingStore ratings;

	private final Clock clock;

	/**
	 * @param ratings the store, or {@code null} when this matchmaker has none: then no
	 * rating is shown
	 * @param clock the time source
	 */
	MatchRatings(RatingStore ratings, Clock clock) {
		this.ratings = ratings;
		this.clock = clock;
	}

	/**
	 * Reads what the recent matches still lack. Never fails: a read that fails is logged
	 * and tried again at the next refresh.
	 * @param recent the recent matches
	 * @return completes when done
	 */
	Mono<Void> refresh(RecentMatches recent) {
		if (this.ratings == null) {
			return Mono.empty();
		}
		Instant now = this.clock.instant();
		return Flux.fromIterable(recent.entries())
			.flatMap((entry) -> refresh(entry, now), CONCURRENCY)
			.then();
	}

	private Mono<Void> refresh(RecentMatches.Entry entry, Instant now) {
		if (entry.canReadBefore(now, FRESH)) {
			return read(entry).doOnNext(entry::before).then();
		}
		if (entry.awaitsAfter(now, PATIENCE)) {
			return read(entry).doOnNext(entry::after).then();
		}
		return Mono.empty();
	}

	private Mono<Map<String, StoredRating>> read(RecentMatches.Entry entry) {
		return this.ratings.find(entry.match().profile(), entry.playerIds())
			// One policy: the dashboard shows the match without ratings rather than fail.
			.onErrorResume((ex) -> {
				logger.debug("Reading the ratings of match {} failed: {}", entry.match().id(), ex.toString());
				return Mono.empty();
			});
	}

}
