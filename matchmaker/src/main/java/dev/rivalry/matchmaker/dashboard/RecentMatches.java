package dev.rivalry.matchmaker.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.rivalry.ratings.StoredRating;
import dev.rivalry.tickets.Match;
import dev.rivalry.tokens.Participant;

/**
 * The latest matches, newest first, at most {@code capacity}; a match reported by several
 * of its tickets is kept once. Each remembers its players' ratings when it formed and
 * after its result, as {@link MatchRatings} reads them. Thread safe.
 */
final class RecentMatches {

	private final int capacity;

	private final Deque<Entry> entries = new ArrayDeque<>();

	RecentMatches(int capacity) {
		this.capacity = capacity;
	}

	/**
	 * @param match a match one of its tickets reported
	 * @param pool the pool the ticket was in
	 * @param seenAt when this instance learnt of it
	 */
	synchronized void add(Match match, String pool, Instant seenAt) {
		for (Entry entry : this.entries) {
			if (entry.match.id().equals(match.id())) {
				return;
			}
		}
		this.entries.addFirst(new Entry(match, pool, seenAt));
		while (this.entries.size() > this.capacity) {
			this.entries.removeLast();
		}
	}

	/** @return the entries, newest first */
	synchronized List<Entry> entries() {
		return List.copyOf(this.entries);
	}

	/** @return the matches as shown, newest first */
	List<RecentMatch> views() {
		return entries().stream().map(Entry::view).toList();
	}

	/**
	 * One match, and its players' ratings once read. The ratings are written by one
	 * refresh at a time and read by the snapshot that follows it.
	 */
	static final class Entry {

		private final Match match;

		private final String pool;

		private final Instant seenAt;

		private volatile Map<String, StoredRating> before;

		private final Map<String, StoredRating> after = new ConcurrentHashMap<>();

		private Entry(Match match, String pool, Instant seenAt) {
			this.match = match;
			this.pool = pool;
			this.seenAt = seenAt;
		}

		Match match() {
			return this.match;
		}

		List<String> playerIds() {
			return this.match.participants().stream().map(Participant::id).toList();
		}

		/** Whether it formed so recently that its players' ratings are surely those before it. */
		boolean canReadBefore(Instant now, Duration fresh) {
			return this.before == null && this.seenAt.plus(fresh).isAfter(now);
		}

		/** Whether its result may still change ratings worth showing. */
		boolean awaitsAfter(Instant now, Duration patience) {
			return this.before != null && this.after.size() < this.before.size()
					&& this.seenAt.plus(patience).isAfter(now);
		}

		void before(Map<String, StoredRating> ratings) {
			this.before = Map.copyOf(ratings);
		}

		/** Keeps the ratings that moved since the match formed: its result, applied. */
		void after(Map<String, StoredRating> ratings) {
			Map<String, StoredRating> formed = this.before;
			ratings.forEach((player, rating) -> {
				StoredRating then = formed.get(player);
				if (then != null && rating.version() > then.version()) {
					this.after.putIfAbsent(player, rating);
				}
			});
		}

		RecentMatch view() {
			int teams = this.match.participants().stream().mapToInt(Participant::team).max().orElse(-1) + 1;
			List<RecentMatch.Team> views = new ArrayList<>(teams);
			for (int team = 0; team < teams; team++) {
				int index = team;
				views.add(new RecentMatch.Team(this.match.participants()
					.stream()
					.filter((participant) -> participant.team() == index)
					.map((participant) -> player(participant.id()))
					.toList()));
			}
			return new RecentMatch(this.match.id(), this.match.profile(), this.pool, this.match.createdAt(), views);
		}

		private RecentMatch.Player player(String id) {
			Map<String, StoredRating> formed = this.before;
			StoredRating then = (formed != null) ? formed.get(id) : null;
			StoredRating now = this.after.get(id);
			return new RecentMatch.Player(id, (then != null) ? then.rating().mu() : null,
					(now != null) ? now.rating().mu() : null);
		}

	}

}
