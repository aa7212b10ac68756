package dev.rivalry.matchmaker.identity;

import java.util.Map;

import dev.rivalry.web.ProblemException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Refusals of who is calling. The wording is generic on purpose: a caller learns that its
 * token was not accepted, never which check failed (that goes to the log and a metric), so
 * the answer is no oracle for forging one.
 */
public final class IdentityProblems {

	private IdentityProblems() {
	}

	static final class Unauthenticated extends ProblemException {

		Unauthenticated(boolean tokenPresented) {
			super(HttpStatus.UNAUTHORIZED, tokenPresented ? "invalid-token" : "unauthenticated",
					tokenPresented ? "The bearer token was not accepted; obtain a new one from your identity provider."
							: "A bearer token from a trusted identity provider is required (Authorization: Bearer <token>).");
			getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
					tokenPresented ? "Bearer error=\"invalid_token\"" : "Bearer");
		}

	}

	static final class IdentityProviderUnavailable extends ProblemException {

		IdentityProviderUnavailable() {
			super(HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable",
					"The identity provider's keys could not be fetched to verify the token; retry shortly.");
			retryAfter(Retry.UNAVAILABLE);
		}

	}

	static final class Forbidden extends ProblemException {

		Forbidden() {
			super(HttpStatus.FORBIDDEN, "forbidden", "This token does not allow the request.");
		}

	}

	/** The caller tried to create a ticket it is not a player of. */
	public static final class NotAPlayer extends ProblemException {

		public NotAPlayer() {
			super(HttpStatus.FORBIDDEN, "not-a-player",
					"players: the caller must be one of the ticket's players (or a game back end with the tickets scope).");
		}

	}

	/** A party ticket whose other members did not agree, in the creator's token, to queue with it. */
	public static final class PartyNotAgreed extends ProblemException {

		public PartyNotAgreed(String partyClaim) {
			super(HttpStatus.FORBIDDEN, "party-not-agreed",
					"players: every other player of a party ticket must be listed in the '" + partyClaim
							+ "' claim of the creator's token (issued by the game's party service).",
					Map.of("claim", partyClaim));
		}

	}

}
