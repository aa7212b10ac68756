package dev.rivalry.standalone;

import java.util.List;
import java.util.Map;

import dev.rivalry.client.AllocationGrant;
import dev.rivalry.client.PlayerClient;
import dev.rivalry.client.Ratings;
import dev.rivalry.client.RivalryClient;
import dev.rivalry.client.Ticket;
import dev.rivalry.client.TicketRequest;
import dev.rivalry.client.TokenSource;
import dev.rivalry.devidentity.IssuedIdentityToken;
import dev.rivalry.devidentity.client.DevIdentityClient;
import reactor.core.publisher.Mono;

/**
 * Players as a client program is: the client library with player tokens from the identity
 * provider (the party's leader, with the other members in its {@code party} claim). The
 * library queues, follows a ticket to its final state (reconnecting when the stream breaks,
 * as across a restarted matchmaker) and trades match tokens for allocations.
 */
final class Players {

	private final RivalryClient client;

	private final DevIdentityClient identity;

	Players(Services services) {
		this.client = services.client();
		this.identity = services.identity();
	}

	/** @return the calls of a party's leader, whose token names the other members */
	PlayerClient leader(List<String> party) {
		return this.client.player(token(party));
	}

	/** @return the tokens of a party's leader, from the identity provider's cache */
	TokenSource token(List<String> party) {
		return () -> this.identity.player(party.get(0), party.subList(1, party.size())).map(IssuedIdentityToken::token);
	}

	/** @return the calls of one player, with its own token */
	PlayerClient player(String id) {
		return leader(List.of(id));
	}

	/** Queues a ticket in {@code eu} for a party (one player or several, its leader first) and returns it. */
	Mono<Ticket> queue(List<String> party, String mode) {
		return leader(party).createTicket(TicketRequest.of(party, Map.of("mode", mode, "region", "eu")));
	}

	/** @return the ticket's final state, as its event stream reports it */
	Mono<Ticket> finalState(Ticket ticket) {
		return leader(ticket.players().stream().map(TicketRequest.Player::id).toList()).outcome(ticket.id());
	}

	/**
	 * A player reads its own match token from the ticket as it sees it (a player's view
	 * carries its own only) and trades it for an allocation.
	 */
	Mono<AllocationGrant> allocate(String ticketId, String player) {
		PlayerClient client = player(player);
		return client.ticket(ticketId).map((view) -> view.match().tokens().get(player)).flatMap(client::allocate);
	}

	Mono<Ratings> ratings(String player) {
		return player(player).ratings(player);
	}

}
