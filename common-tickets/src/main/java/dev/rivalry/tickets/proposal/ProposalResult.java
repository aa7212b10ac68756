package dev.rivalry.tickets.proposal;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.rivalry.tickets.TicketSnapshot;
import dev.rivalry.tickets.TicketState;

/**
 * A proposal as an answer (or its deadline) left it.
 *
 * @param proposalId the proposal
 * @param state its state now
 * @param outcome once it ended, the state each of its tickets was left in, by ticket id;
 * empty while open
 * @param ticket the answering ticket as it is now, or {@code null} when no ticket answered
 * (a deadline, an announcement to the engines)
 */
public record ProposalResult(String proposalId, ProposalState state, Map<String, TicketState> outcome,
		TicketSnapshot ticket) {

	public ProposalResult {
		outcome = Map.copyOf(outcome);
	}

	public boolean isOpen() {
		return this.state == ProposalState.OPEN;
	}

	/**
	 * Reads an ended proposal's announcement, {@code <id>|<state>|<id>:<state>,...}, as the
	 * answer script publishes it on {@code TicketKeys#proposalChannel}.
	 * @param message the message
	 * @return the result, with no ticket
	 */
	public static ProposalResult parseAnnouncement(String message) {
		String[] parts = message.split("\\|", 3);
		if (parts.length != 3) {
			throw new IllegalArgumentException("Not a proposal announcement");
		}
		return new ProposalResult(parts[0], ProposalState.valueOf(parts[1]), parseOutcome(parts[2]), null);
	}

	static Map<String, TicketState> parseOutcome(String outcome) {
		Map<String, TicketState> states = new LinkedHashMap<>();
		for (String entry : outcome.split(",")) {
			int colon = entry.lastIndexOf(':');
			if (colon > 0) {
				states.put(entry.substring(0, colon), TicketState.valueOf(entry.substring(colon + 1)));
			}
		}
		return states;
	}

}
