package dev.rivalry.matchmaker.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rivalry.tickets.TicketSnapshot;
import dev.rivalry.tickets.TicketState;

/**
 * Proposed matches (profiles with acceptance), from the ticket changes: each ticket's first
 * {@code PROPOSED} change starts its proposal, and its next other state ends it: accepted
 * ({@code MATCHED}, counted in the same windows as matches, the time being from proposal to
 * the last acceptance), declined, timed out, or returned to the pool (someone else refused).
 * Thread safe.
 */
final class AcceptanceStatistics {

	/** Proposals in flight that are remembered; more than this and the oldest is forgotten. */
	private static final long MAX_OPEN = 100_000;

	private final Cache<String, Instant> proposedAt = Caffeine.newBuilder()
		.maximumSize(MAX_OPEN)
		.expireAfterWrite(Duration.ofMinutes(15))
		.build();

	private final MatchStatistics accepted;

	private final AtomicLong proposed = new AtomicLong();

	private final AtomicLong acceptedTickets = new AtomicLong();

	private final AtomicLong declined = new AtomicLong();

	private final AtomicLong timedOut = new AtomicLong();

	private final AtomicLong returned = new AtomicLong();

	AcceptanceStatistics(MatchStatistics accepted) {
		this.accepted = accepted;
	}

	void record(TicketSnapshot change) {
		String ticketId = change.ticket().id();
		if (change.state() == TicketState.PROPOSED) {
			if (this.proposedAt.asMap().putIfAbsent(ticketId, change.updatedAt()) == null) {
				this.proposed.incrementAndGet();
			}
			return;
		}
		Instant since = this.proposedAt.asMap().remove(ticketId);
		if (since == null) {
			return;
		}
		if (change.state() == TicketState.MATCHED && change.match() != null && !change.match().participants().isEmpty()) {
			double share = (double) change.ticket().players().size() / change.match().participants().size();
			this.accepted.record(share, Duration.between(since, change.updatedAt()));
			this.acceptedTickets.incrementAndGet();
		}
		else if (TicketSnapshot.DECLINED.equals(change.reason())) {
			this.declined.incrementAndGet();
		}
		else if (TicketSnapshot.ACCEPTANCE_TIMEOUT.equals(change.reason())) {
			this.timedOut.incrementAndGet();
		}
		else {
			this.returned.incrementAndGet();
		}
	}

	AcceptanceFigures figures() {
		MatchFigures matches = this.accepted.figures();
		return new AcceptanceFigures(this.proposed.get(), matches, this.acceptedTickets.get(), this.declined.get(),
				this.timedOut.get(), this.returned.get());
	}

	/**
	 * @param proposedTickets tickets proposed a match since this instance started
	 * @param accepted matches formed by acceptance: per second, total, and the time from
	 * proposal to the last acceptance
	 * @param acceptedTickets tickets that ended matched by acceptance
	 * @param declinedTickets tickets that ended by a decline (or a cancel during a proposal)
	 * @param timedOutTickets tickets that ended because a player did not answer in time
	 * @param returnedTickets tickets returned to their pool because another one refused
	 */
	record AcceptanceFigures(long proposedTickets, MatchFigures accepted, long acceptedTickets, long declinedTickets,
			long timedOutTickets, long returnedTickets) {
	}

}
