package dev.rivalry.engine.strategy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.rivalry.profiles.Profile;
import dev.rivalry.profiles.Strategy;

/**
 * Which waiting tickets fit an open backfill. Pure and stateless, like the strategies.
 * <p>
 * A ticket fits when its whole party fits the open seats of one team, it accepts the
 * match's region under its current latency bound (when the profile chooses regions), and,
 * for {@code rating} profiles, its rating lies within half the current spread of the
 * match's rating: it would fit a match of that spread centred on the match. The spread is
 * the profile's, at the longer of the ticket's wait and the backfill's age, so a backfill
 * that waits widens like a ticket that waits. Among fitting tickets, {@code rating}
 * profiles take the nearest rating first and {@code first-come} the oldest ticket.
 */
public final class BackfillFit {

	private BackfillFit() {
	}

	/**
	 * Fills the backfills, oldest first, from the waiting tickets.
	 * @param profile the pool's profile
	 * @param backfills the pool's open backfills, oldest first
	 * @param waiting the pool's waiting tickets, oldest first
	 * @param now the instant the expansions are evaluated at
	 * @param minimumWait only tickets that have waited at least this long are taken
	 * @param taken ids of tickets not to take (already in a match or fill); not modified
	 * @return one fill per backfill that gained players; every ticket in at most one
	 */
	public static List<BackfillFill> fill(Profile profile, List<OpenBackfill> backfills, List<PoolTicket> waiting,
			Instant now, Duration minimumWait, Set<String> taken) {
		Limits limits = Limits.of(profile.strategy());
		boolean byRating = profile.strategy() instanceof Strategy.Rating;
		boolean choosesRegion = profile.strategy().region() != null;
		Set<String> used = new HashSet<>(taken);
		List<BackfillFill> fills = new ArrayList<>();
		for (OpenBackfill backfill : backfills) {
			long age = Math.max(0, Limits.nanosBetween(backfill.openedAt(), now));
			List<PoolTicket> candidates = new ArrayList<>();
			for (PoolTicket ticket : waiting) {
				long waited = Math.max(0, Limits.nanosBetween(ticket.enqueuedAt(), now));
				if (!used.contains(ticket.id()) && waited >= minimumWait.toNanos()
						&& fitsRating(ticket, backfill, limits.spread(Math.max(waited, age)))
						&& (!choosesRegion || acceptsRegion(ticket, backfill.region(), limits.maxLatencyMillis(waited)))) {
					candidates.add(ticket);
				}
			}
			if (byRating && backfill.rating() != null) {
				// nearest first; the list was in age order and the sort is stable, so ties keep it
				candidates.sort(Comparator.comparingDouble((PoolTicket t) -> Math.abs(t.rating() - backfill.rating())));
			}
			List<BackfillFill.Seat> seats = seat(backfill, candidates);
			if (!seats.isEmpty()) {
				seats.forEach((seat) -> used.add(seat.ticket().id()));
				fills.add(new BackfillFill(backfill, seats));
			}
		}
		return fills;
	}

	/**
	 * When a ticket too young for the backfills becomes old enough, so the engine tries
	 * the pool again then rather than poll.
	 * @param waiting the waiting tickets
	 * @param now the current instant
	 * @param minimumWait the profile's {@code backfill-priority}
	 * @return the earliest such instant after {@code now}, or empty
	 */
	public static Optional<Instant> nextEligible(List<PoolTicket> waiting, Instant now, Duration minimumWait) {
		return waiting.stream()
			.map((ticket) -> ticket.enqueuedAt().plus(minimumWait))
			.filter(now::isBefore)
			.min(Instant::compareTo);
	}

	/** Seats candidates in order, each party on the first open team with room for all of it. */
	private static List<BackfillFill.Seat> seat(OpenBackfill backfill, List<PoolTicket> candidates) {
		int[] teams = new int[backfill.open().size()];
		int[] room = new int[teams.length];
		int left = 0;
		for (int i = 0; i < teams.length; i++) {
			teams[i] = backfill.open().get(i).team();
			room[i] = backfill.open().get(i).count();
			left += room[i];
		}
		List<BackfillFill.Seat> seats = new ArrayList<>();
		for (int c = 0; c < candidates.size() && left > 0; c++) {
			PoolTicket ticket = candidates.get(c);
			for (int i = 0; i < teams.length; i++) {
				if (room[i] >= ticket.size()) {
					room[i] -= ticket.size();
					left -= ticket.size();
					seats.add(new BackfillFill.Seat(ticket, teams[i]));
					break;
				}
			}
		}
		return seats;
	}

	private static boolean fitsRating(PoolTicket ticket, OpenBackfill backfill, double spread) {
		return backfill.rating() == null || Double.isInfinite(spread)
				|| Math.abs(ticket.rating() - backfill.rating()) <= spread / 2;
	}

	private static boolean acceptsRegion(PoolTicket ticket, String region, long maxLatencyMillis) {
		if (region == null || ticket.latencies().isEmpty()) {
			return true;
		}
		Integer latency = ticket.latencies().get(region);
		return latency != null && latency <= maxLatencyMillis;
	}

}
