package dev.rivalry.matchmaker.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rivalry.tickets.MatchProposal;
import dev.rivalry.tickets.Ticket;
import dev.rivalry.tickets.TicketState;
import dev.rivalry.tokens.Participant;

/**
 * A ticket as clients see it, in responses and in {@code ticket} events.
 *
 * @param id the ticket id
 * @param profile the profile that owns it
 * @param state {@code SEARCHING}, {@code PROPOSED}, {@code MATCHED}, {@code CANCELLED} or {@code EXPIRED}
 * @param players the players on the ticket
 * @param createdAt when it was accepted
 * @param expiresAt when it expires unless matched or cancelled
 * @param match the match, present only when {@code MATCHED}
 * @param proposal the proposed match waiting for answers, present only when {@code PROPOSED}
 * @param reason why it ended {@code CANCELLED} when it was not its own cancel:
 * {@code declined} or {@code acceptance-timeout}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketView(String id, String profile, TicketState state, List<Ticket.Player> players,
		Instant createdAt, Instant expiresAt, MatchView match, MatchProposal proposal, String reason) {

	/**
	 * The match as one ticket's players see it.
	 *
	 * @param id the match id, the same for every participant
	 * @param tokens each of this ticket's players' match-ID token, by player id
	 * @param participants every participant of the match with their team
	 * @param backfill {@code true} when this ticket joined the running match through a
	 * backfill (its server already runs it); absent otherwise
	 */
	public record MatchView(String id, Map<String, String> tokens, List<Participant> participants, Boolean backfill) {
	}

}
