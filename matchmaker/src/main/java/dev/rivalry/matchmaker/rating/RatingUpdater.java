package dev.rivalry.matchmaker.rating;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.rivalry.ratings.OpenSkill;
import dev.rivalry.ratings.Rating;
import dev.rivalry.ratings.RatingStore;
import dev.rivalry.ratings.StoredRating;
import dev.rivalry.ratings.UpdateOutcome;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies a match result to its players' ratings.
 * <p>
 * The players' ratings are read together, the model rates the match, and each player's
 * new rating is written with a compare-and-set on the version read. A player whose rating
 * changed meanwhile (another of their results was applied) is rated again from their
 * current rating against the opponents as first read, and written again, so concurrent
 * results of one player both apply, each exactly once. Players are written one by one
 * because each player's keys live in their own Redis Cluster slot; the store remembers the
 * match per player, so applying the same result again (a retry after a failure) changes
 * nobody twice. Thread safe.
 */
public class RatingUpdater {

	/** Far more than two results of one player can race; reaching it means something is wrong. */
	static final int MAX_ATTEMPTS = 16;

	private final RatingStore store;

	private final OpenSkill model;

	private final RatingMetrics metrics;

	RatingUpdater(RatingStore store, OpenSkill model, RatingMetrics metrics) {
		this.store = store;
		this.model = model;
		this.metrics = metrics;
	}

	/**
	 * @param matchId the match, applied at most once per player
	 * @param profile the profile whose ratings the match changes
	 * @param teams the players' ids, team by team, in the match's team order
	 * @param ranks each team's rank, 1 best, equal ranks a draw
	 * @return every player's rating once the result is applied to it
	 */
	public Mono<Map<String, Rating>> apply(String matchId, String profile, List<List<String>> teams,
			List<Integer> ranks) {
		List<String> players = teams.stream().flatMap(List::stream).toList();
		return this.store.find(profile, players).flatMap((read) -> {
			Match match = new Match(matchId, profile, teams, ranks, read);
			List<List<Rating>> after = this.model.rate(match.before(), ranks);
			return Flux.range(0, teams.size())
				.flatMap((team) -> Flux.range(0, teams.get(team).size())
					.flatMap((seat) -> write(match, team, seat, read.get(teams.get(team).get(seat)),
							after.get(team).get(seat), 1)
						.map((rating) -> Map.entry(teams.get(team).get(seat), rating))))
				.collectMap(Map.Entry::getKey, Map.Entry::getValue);
		});
	}

	private Mono<Rating> write(Match match, int team, int seat, StoredRating read, Rating next, int attempt) {
		String player = match.teams().get(team).get(seat);
		return this.store.update(match.profile(), player, read.version(), next, match.id()).flatMap((outcome) -> {
			if (outcome instanceof UpdateOutcome.Applied) {
				this.metrics.updated(match.profile());
				return Mono.just(next);
			}
			if (outcome instanceof UpdateOutcome.AlreadyApplied already) {
				return Mono.just(already.current().rating());
			}
			StoredRating current = ((UpdateOutcome.Conflict) outcome).current();
			if (attempt >= MAX_ATTEMPTS) {
				return Mono.error(new IllegalStateException("Rating of player '" + player + "' in profile '"
						+ match.profile() + "' kept changing; gave up after " + attempt + " attempts"));
			}
			this.metrics.conflicted(match.profile());
			return write(match, team, seat, current, rerate(match, team, seat, current.rating()), attempt + 1);
		});
	}

	/** The player's new rating from their current one, the opponents as first read. */
	private Rating rerate(Match match, int team, int seat, Rating current) {
		List<List<Rating>> before = match.before();
		List<Rating> players = new ArrayList<>(before.get(team));
		players.set(seat, current);
		List<List<Rating>> replaced = new ArrayList<>(before);
		replaced.set(team, players);
		return this.model.rate(replaced, match.ranks()).get(team).get(seat);
	}

	private record Match(String id, String profile, List<List<String>> teams, List<Integer> ranks,
			Map<String, StoredRating> read) {

		List<List<Rating>> before() {
			return this.teams.stream().map((team) -> team.stream().map((id) -> this.read.get(id).rating()).toList()).toList();
		}

	}

}
