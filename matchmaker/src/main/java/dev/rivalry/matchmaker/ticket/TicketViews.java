package dev.rivalry.matchmaker.ticket;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.rivalry.matchmaker.identity.Caller;
import dev.rivalry.tickets.Match;
import dev.rivalry.tickets.Ticket;
import dev.rivalry.tickets.TicketSnapshot;
import dev.rivalry.tokens.IssuedToken;
import dev.rivalry.tokens.MatchClaims;
import dev.rivalry.tokens.TokenIssuer;
import dev.rivalry.tokens.TokenKind;

/**
 * Renders snapshots for one caller. A matched ticket's view carries the match-ID token of
 * each of the ticket's players the caller acts for: a player sees its own token only, never
 * a teammate's (a token is a bearer credential for the player's seat on the server).
 * <p>
 * Tokens are signed once per match and player and then served from memory until half their
 * lifetime has passed, so reading a ticket again, or a stream reconnecting, costs no
 * signature, and every token handed out still has at least half its lifetime. Each instance
 * signs its own; any of them verifies at the serverlist. Thread safe.
 */
public class TicketViews {

	/** Matches delivered recently enough that their players may still ask; older ones are re-signed. */
	private static final long MAX_CACHED_TOKENS = 200_000;

	private final TokenIssuer issuer;

	private final Cache<TokenKey, IssuedToken> tokens;

	/**
	 * @param issuer the matchmaker's token issuer
	 */
	public TicketViews(TokenIssuer issuer) {
		this.issuer = issuer;
		this.tokens = Caffeine.newBuilder()
			.maximumSize(MAX_CACHED_TOKENS)
			.expireAfter(Expiry.<TokenKey, IssuedToken>creating(
					(key, token) -> Duration.between(token.issuedAt(), token.expiresAt()).dividedBy(2)))
			.build();
	}

	/**
	 * @param snapshot the ticket's state
	 * @param caller who will read the view; only its own players' tokens are included
	 */
	public TicketView render(TicketSnapshot snapshot, Caller caller) {
		Ticket ticket = snapshot.ticket();
		return new TicketView(ticket.id(), ticket.profile(), snapshot.state(), ticket.players(), ticket.createdAt(),
				ticket.expiresAt(), (snapshot.match() != null) ? matchView(ticket, snapshot.match(), caller) : null,
				snapshot.proposal(), snapshot.reason());
	}

	private TicketView.MatchView matchView(Ticket ticket, Match match, Caller caller) {
		Map<String, String> tokens = new LinkedHashMap<>();
		for (Ticket.Player player : ticket.players()) {
			if (caller.actsFor(player.id())) {
				tokens.put(player.id(),
						this.tokens.get(new TokenKey(match.id(), player.id()), (key) -> sign(match, key)).compact());
			}
		}
		return new TicketView.MatchView(match.id(), tokens, match.participants(), match.backfill() ? true : null);
	}

	private IssuedToken sign(Match match, TokenKey key) {
		MatchClaims claims = new MatchClaims(key.playerId(), match.id(), match.profile(), match.config(),
				match.participants(), match.game(), match.backfill());
		return this.issuer.issue(TokenKind.MATCH, claims);
	}

	private record TokenKey(String matchId, String playerId) {
	}

}
