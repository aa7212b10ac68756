package dev.rivalry.tickets;

import java.util.List;

/**
 * What became of an attempt to move a match's tickets to {@link TicketState#MATCHED}.
 */
public sealed interface MatchOutcome {

	/** Every ticket moved, and each change was published. */
	record Formed(Match match) implements MatchOutcome {
	}

	/**
	 * Every ticket moved to {@code PROPOSED} (a profile with acceptance): the match is formed
	 * only when all its players accept.
	 * @param match the match the proposal becomes
	 * @param proposal the proposal, as its tickets show it
	 */
	record Proposed(Match match, MatchProposal proposal) implements MatchOutcome {
	}

	/**
	 * At least one ticket was no longer searching (cancelled, expired, matched or gone);
	 * nothing changed, and the other tickets may go back to their pool.
	 * @param ticketIds the tickets that were not searching
	 */
	record Refused(List<String> ticketIds) implements MatchOutcome {

		public Refused {
			ticketIds = List.copyOf(ticketIds);
		}

	}

}
