package dev.rivalry.tickets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.rivalry.tokens.Participant;

/**
 * A formed match, as the engine records it on each of its tickets. Tokens are not part of
 * it: the matchmaker issues each player's match-ID token when it delivers the match.
 *
 * @param id globally unique match id
 * @param profile the profile the match was formed in
 * @param participants every player with the index of the team they play on
 * @param config the profile's opaque configuration, copied into tokens
 * @param game the game, or {@code null} for the default game
 * @param region the region chosen from the players' latencies, or {@code null}
 * @param createdAt when the match was formed
 * @param pool the pool it was formed in (its backfills travel on that pool's partition),
 * or {@code null} for a match recorded before backfill existed
 * @param rating the mean rating of its players when it was formed (a backfill looks for
 * players near it), or {@code null} when unknown
 * @param backfill {@code true} on the copy a ticket holds when that ticket joined the match
 * through a backfill; the match itself is never marked
 */
public record Match(String id, String profile, List<Participant> participants, Map<String, Object> config,
		String game, String region, Instant createdAt, String pool, Double rating, boolean backfill) {

	public Match {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(profile, "profile");
		participants = List.copyOf(participants);
		config = (config != null) ? Map.copyOf(config) : Map.of();
		Objects.requireNonNull(createdAt, "createdAt");
	}

	/** A match formed from scratch, of no known pool or rating. */
	public Match(String id, String profile, List<Participant> participants, Map<String, Object> config, String game,
			String region, Instant createdAt) {
		this(id, profile, participants, config, game, region, createdAt, null, null, false);
	}

	/**
	 * The match with players added by a backfill.
	 * @param added the new players with their teams, none already in the match
	 * @return the match as it is recorded after the fill (not marked as a backfill)
	 */
	public Match withAdded(List<Participant> added) {
		List<Participant> roster = new ArrayList<>(this.participants);
		roster.addAll(added);
		return new Match(this.id, this.profile, roster, this.config, this.game, this.region, this.createdAt, this.pool,
				this.rating, false);
	}

	/** @return the copy a ticket that joined by a backfill holds */
	public Match joinedByBackfill() {
		return new Match(this.id, this.profile, this.participants, this.config, this.game, this.region, this.createdAt,
				this.pool, this.rating, true);
	}

}
