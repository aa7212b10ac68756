package dev.rivalry.standalone.demo;

import java.util.List;

import dev.rivalry.client.PlayerClient;
import dev.rivalry.client.ProblemException;
import dev.rivalry.client.RivalryClient;
import dev.rivalry.client.TicketRequest;
import dev.rivalry.devidentity.IssuedIdentityToken;
import dev.rivalry.devidentity.client.DevIdentityClient;
import reactor.core.publisher.Mono;

/**
 * The bots' calls: the client library, with player tokens from the development identity
 * provider (cached per player and renewed before they expire). A party's leader's token
 * names the other members in its {@code party} claim: the matchmaker lets a player queue
 * others only when they agreed. Thread safe.
 */
final class BotPlayers {

	private final RivalryClient client;

	private final DevIdentityClient identity;

	BotPlayers(RivalryClient client, DevIdentityClient identity) {
		this.client = client;
		this.identity = identity;
	}

	/** @return the calls of a party's leader (a solo bot leads a party of one) */
	PlayerClient leader(List<String> party) {
		return this.client.player(() -> this.identity.player(party.get(0), party.subList(1, party.size()))
			.map(IssuedIdentityToken::token));
	}

	/** @return the calls of one bot, with its own token */
	PlayerClient player(String id) {
		return leader(List.of(id));
	}

	/**
	 * Queues a ticket; a party that still has a searching ticket in the profile (bots
	 * restarted against the same Redis) follows that one instead.
	 * @return the ticket's id
	 */
	Mono<String> queue(List<String> party, TicketRequest request) {
		return leader(party).createTicket(request)
			.map((ticket) -> ticket.id())
			.onErrorResume(BotPlayers::activeTicket,
					(conflict) -> Mono.justOrEmpty((String) ((ProblemException) conflict).extensions().get("ticketId")));
	}

	private static boolean activeTicket(Throwable failure) {
		return failure instanceof ProblemException problem && "active-ticket-exists".equals(problem.slug());
	}

}
