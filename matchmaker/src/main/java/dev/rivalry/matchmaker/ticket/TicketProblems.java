package dev.rivalry.matchmaker.ticket;

import java.util.Map;

import dev.rivalry.tickets.TicketState;
import dev.rivalry.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The ways a ticket request is refused, each with its own problem type slug.
 */
public final class TicketProblems {

	private TicketProblems() {
	}

	static final class NoMatchingProfile extends ProblemException {

		NoMatchingProfile() {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "no-matching-profile",
					"No match profile accepts a ticket with these attributes; see GET /v1/profiles.");
		}

	}

	static final class PartyTooLarge extends ProblemException {

		PartyTooLarge(String profile, int players, int maxParty) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "party-too-large", "Profile '" + profile + "' takes parties of at most "
					+ maxParty + " players; this ticket has " + players + ".",
					Map.of("profile", profile, "maxPartySize", maxParty));
		}

	}

	static final class DuplicatePlayer extends ProblemException {

		DuplicatePlayer() {
			super(HttpStatus.BAD_REQUEST, "duplicate-player", "players: a player appears more than once on the ticket.");
		}

	}

	static final class ActiveTicketExists extends ProblemException {

		/**
		 * @param revealTicket whether the caller may learn the ticket's id: only its own
		 * player (or a back end acting for it) may, or anyone could cancel anyone's search
		 */
		ActiveTicketExists(PlayerClaims.Conflict conflict, String profile, boolean revealTicket) {
			super(HttpStatus.CONFLICT, "active-ticket-exists",
					"Player '" + conflict.playerId() + "' already has an active ticket in profile '" + profile + "'.",
					revealTicket ? Map.of("player", conflict.playerId(), "ticketId", conflict.ticketId(), "profile", profile)
							: Map.of("player", conflict.playerId(), "profile", profile));
		}

	}

	static final class RequestInProgress extends ProblemException {

		RequestInProgress() {
			super(HttpStatus.CONFLICT, "request-in-progress",
					"A request with this requestId is still being processed; retry shortly.");
			retryAfter(Retry.IN_PROGRESS);
		}

	}

	static final class StreamUnavailable extends ProblemException {

		StreamUnavailable(Throwable cause) {
			super(HttpStatus.SERVICE_UNAVAILABLE, "ticket-stream-unavailable",
					"The ticket could not be queued (the stream did not acknowledge it); nothing was kept. Retry later.",
					Map.of(), cause);
			retryAfter(Retry.UNAVAILABLE);
		}

	}

	/** No such ticket: never created, or past its retention. */
	public static final class NotFound extends ProblemException {

		public NotFound(String ticketId) {
			super(HttpStatus.NOT_FOUND, "ticket-not-found", "No ticket '" + ticketId + "'.");
		}

	}

	/** An answer to a proposal the ticket is not (or no longer) in. */
	static final class NotProposed extends ProblemException {

		NotProposed(String ticketId, TicketState state) {
			super(HttpStatus.CONFLICT, "no-open-proposal", "Ticket '" + ticketId + "' has no open proposal to answer: it is "
					+ state + ((state == TicketState.SEARCHING) ? " (a proposal it was in ended)." : "."));
		}

	}

	static final class AlreadyMatched extends ProblemException {

		AlreadyMatched(String ticketId) {
			super(HttpStatus.CONFLICT, "ticket-already-matched",
					"Ticket '" + ticketId + "' is already matched and can no longer be cancelled.");
		}

	}

}
