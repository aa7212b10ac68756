package dev.rivalry.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.rivalry.tokens.Participant;

/**
 * A ticket as its players see it, in answers and {@code ticket} events (docs/api.md).
 * States are strings, so a client keeps working when the service adds one.
 *
 * @param id the ticket id
 * @param profile the profile that owns it
 * @param state {@code SEARCHING}, {@code PROPOSED}, {@code MATCHED}, {@code CANCELLED} or {@code EXPIRED}
 * @param players the players on the ticket
 * @param createdAt when it was accepted
 * @param expiresAt when it expires unless matched or cancelled
 * @param match the match, only when {@code MATCHED}; else {@code null}
 * @param proposal the proposed match awaiting the players' answers, only when
 * {@code PROPOSED}; else {@code null}
 * @param reason why it was cancelled, when the service says (e.g. {@code declined}); else {@code null}
 */
public record Ticket(String id, String profile, String state, List<TicketRequest.Player> players, Instant createdAt,
		Instant expiresAt, Match match, Proposal proposal, String reason) {

	private static final List<String> TERMINAL = List.of("MATCHED", "CANCELLED", "EXPIRED");

	/** @return whether the ticket will not change any more */
	public boolean isTerminal() {
		return TERMINAL.contains(this.state);
	}

	/** @return whether the ticket was matched (then {@link #match()} is there) */
	public boolean isMatched() {
		return "MATCHED".equals(this.state) && this.match != null;
	}

	/**
	 * The match as one ticket's players see it.
	 *
	 * @param id the match id
	 * @param tokens the match-ID tokens the caller may see, by player: its own (a back end sees all)
	 * @param participants every participant with their team
	 * @param backfill {@code true} when the ticket joined a running match through a backfill
	 */
	public record Match(String id, Map<String, String> tokens, List<Participant> participants, Boolean backfill) {

		public Match {
			tokens = (tokens != null) ? Map.copyOf(tokens) : Map.of();
			participants = (participants != null) ? List.copyOf(participants) : List.of();
		}

	}

	/**
	 * A match proposed to the ticket's players, who accept or decline it before {@code expiresAt}.
	 *
	 * @param id the proposal
	 * @param expiresAt the deadline of the answers
	 * @param players how many players the proposed match has
	 * @param accepted who accepted so far
	 */
	public record Proposal(String id, Instant expiresAt, Integer players, List<String> accepted) {
	}

}
