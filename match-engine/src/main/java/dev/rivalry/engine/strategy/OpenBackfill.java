package dev.rivalry.engine.strategy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An open backfill as the strategies see it: a running match of the pool that wants
 * players on some of its teams. Immutable.
 *
 * @param id the backfill's id
 * @param open the seats still open per team, teams with none omitted
 * @param rating the match's rating (the mean of its players' when it was formed), or
 * {@code null} when unknown: then any rating fits
 * @param region the region the match is played in, or {@code null}
 * @param openedAt when the backfill was opened: its age widens the rating spread like a
 * waiting ticket's
 */
public record OpenBackfill(String id, List<OpenSlot> open, Double rating, String region, Instant openedAt) {

	public OpenBackfill {
		Objects.requireNonNull(id, "id");
		open = List.copyOf(open);
		Objects.requireNonNull(openedAt, "openedAt");
	}

	/**
	 * Seats open on one team.
	 *
	 * @param team the team's index, as participants carry it
	 * @param count how many, at least 1
	 */
	public record OpenSlot(int team, int count) {
	}

}
