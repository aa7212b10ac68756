package dev.rivalry.engine.strategy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.rivalry.profiles.Profile;

/**
 * What one attempt at a pool does: the backfill fills and the new matches, decided together
 * so that no ticket is in two. Pure.
 * <p>
 * Open backfills come first for tickets that have waited the profile's
 * {@code backfill-priority} (a running match with an empty seat is worse off than a match
 * not yet formed); the strategy forms new matches from every other ticket; and tickets
 * that no new match could use go to the backfills still open, whatever their wait.
 *
 * @param fills at most one per backfill
 * @param proposals the new matches
 */
public record PoolPlan(List<BackfillFill> fills, List<Proposal> proposals) {

	public PoolPlan {
		fills = List.copyOf(fills);
		proposals = List.copyOf(proposals);
	}

	/**
	 * @param profile the pool's profile
	 * @param strategy its strategy
	 * @param backfills the pool's open backfills, oldest first
	 * @param waiting the pool's waiting tickets, oldest first
	 * @param now the instant the expansions are evaluated at
	 * @return the plan
	 */
	public static PoolPlan of(Profile profile, MatchingStrategy strategy, List<OpenBackfill> backfills,
			List<PoolTicket> waiting, Instant now) {
		if (backfills.isEmpty()) {
			return new PoolPlan(List.of(), strategy.form(profile, waiting, now));
		}
		List<BackfillFill> first = BackfillFit.fill(profile, backfills, waiting, now, profile.backfillPriority(),
				Set.of());
		Set<String> taken = new HashSet<>();
		first.forEach((fill) -> fill.tickets().forEach((ticket) -> taken.add(ticket.id())));
		List<PoolTicket> rest = waiting.stream().filter((ticket) -> !taken.contains(ticket.id())).toList();
		List<Proposal> proposals = strategy.form(profile, rest, now);
		proposals.forEach((proposal) -> proposal.tickets().forEach((ticket) -> taken.add(ticket.id())));
		List<BackfillFill> second = BackfillFit.fill(profile, remaining(backfills, first), waiting, now,
				java.time.Duration.ZERO, taken);
		return new PoolPlan(merge(first, second), proposals);
	}

	/** The backfills with the seats the first fills took closed. */
	private static List<OpenBackfill> remaining(List<OpenBackfill> backfills, List<BackfillFill> fills) {
		Map<String, BackfillFill> byId = new LinkedHashMap<>();
		fills.forEach((fill) -> byId.put(fill.backfill().id(), fill));
		List<OpenBackfill> remaining = new ArrayList<>();
		for (OpenBackfill backfill : backfills) {
			BackfillFill fill = byId.get(backfill.id());
			List<OpenBackfill.OpenSlot> open = new ArrayList<>();
			for (OpenBackfill.OpenSlot slot : backfill.open()) {
				int seated = (fill != null) ? fill.seats()
					.stream()
					.filter((seat) -> seat.team() == slot.team())
					.mapToInt((seat) -> seat.ticket().size())
					.sum() : 0;
				if (slot.count() > seated) {
					open.add(new OpenBackfill.OpenSlot(slot.team(), slot.count() - seated));
				}
			}
			if (!open.isEmpty()) {
				remaining.add(new OpenBackfill(backfill.id(), open, backfill.rating(), backfill.region(),
						backfill.openedAt()));
			}
		}
		return remaining;
	}

	/** One fill per backfill: the second pass's seats after the first's. */
	private static List<BackfillFill> merge(List<BackfillFill> first, List<BackfillFill> second) {
		Map<String, BackfillFill> merged = new LinkedHashMap<>();
		for (BackfillFill fill : first) {
			merged.put(fill.backfill().id(), fill);
		}
		for (BackfillFill fill : second) {
			merged.merge(fill.backfill().id(), fill, (a, b) -> {
				List<BackfillFill.Seat> seats = new ArrayList<>(a.seats());
				seats.addAll(b.seats());
				return new BackfillFill(a.backfill(), seats);
			});
		}
		return new ArrayList<>(merged.values());
	}

}
