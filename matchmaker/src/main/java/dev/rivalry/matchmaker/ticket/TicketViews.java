package dev.rivalry.matchmaker.ticket;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.rivalry.tickets.Match;
import dev.rivalry.tickets.Ticket;
import dev.rivalry.tickets.TicketSnapshot;
import dev.rivalry.tokens.MatchClaims;
import dev.rivalry.tokens.TokenIssuer;
import dev.rivalry.tokens.TokenKind;

/**
 * Renders snapshots for clients. A matched ticket's view carries a fresh match-ID token for
 * each of its players: the matchmaker is the tokens' issuer, so it signs them when it
 * delivers the match rather than storing them (each delivery gets a full lifetime).
 */
public class TicketViews {

	private final TokenIssuer issuer;

	public TicketViews(TokenIssuer issuer) {
		this.issuer = issuer;
	}

	public TicketView render(TicketSnapshot snapshot) {
		Ticket ticket = snapshot.ticket();
		return new TicketView(ticket.id(), ticket.profile(), snapshot.state(), ticket.players(), ticket.createdAt(),
				ticket.expiresAt(), (snapshot.match() != null) ? matchView(ticket, snapshot.match()) : null);
	}

	private TicketView.MatchView matchView(Ticket ticket, Match match) {
		Map<String, String> tokens = new LinkedHashMap<>();
		for (Ticket.Player player : ticket.players()) {
			MatchClaims claims = new MatchClaims(player.id(), match.id(), match.profile(), match.config(),
					match.participants(), match.game());
			tokens.put(player.id(), this.issuer.issue(TokenKind.MATCH, claims).compact());
		}
		return new TicketView.MatchView(match.id(), tokens, match.participants());
	}

}
