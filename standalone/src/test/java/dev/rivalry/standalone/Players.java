package dev.rivalry.standalone;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.rivalry.devidentity.IssuedIdentityToken;
import dev.rivalry.devidentity.client.DevIdentityClient;
import dev.rivalry.matchmaker.ticket.TicketView;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Players as a client program would be: get a player token from the identity provider
 * (the party's leader, with the other members in its {@code party} claim), queue a ticket,
 * follow it over server-sent events to its final state, reconnecting when the stream breaks
 * (a restarted matchmaker), and trade a match token for an allocation.
 */
final class Players {

	private final WebClient matchmaker;

	private final WebClient serverlist;

	private final DevIdentityClient identity;

	Players(Services services) {
		this.matchmaker = WebClient.create(services.matchmakerUri().toString());
		this.serverlist = WebClient.create(services.serverlistUri().toString());
		this.identity = services.identity();
	}

	/** Queues a ticket for a party (one player or several, its leader first) and returns it. */
	Mono<TicketView> queue(List<String> party, String mode) {
		return leaderToken(party).flatMap((token) -> this.matchmaker.post()
			.uri("/v1/tickets")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("players", party.stream().map((id) -> Map.of("id", id)).toList(), "attributes",
					Map.of("mode", mode, "region", "eu")))
			.retrieve()
			.bodyToMono(TicketView.class));
	}

	/**
	 * The ticket's final state, as its event stream reports it; a broken stream is opened
	 * again (its first event is the current state), as an EventSource would.
	 */
	Mono<TicketView> finalState(TicketView ticket) {
		List<String> party = ticket.players().stream().map((player) -> player.id()).toList();
		return Flux.defer(() -> leaderToken(party).flatMapMany((token) -> this.matchmaker.get()
			.uri("/v1/tickets/{id}/events", ticket.id())
			.headers((headers) -> headers.setBearerAuth(token))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<TicketView>>() {
			})))
			.filter((event) -> event.data() != null)
			.map(ServerSentEvent::data)
			.filter((view) -> view.state().isTerminal())
			.next()
			.retryWhen(Retry.fixedDelay(60, Duration.ofMillis(500)))
			.switchIfEmpty(Mono.defer(() -> finalState(ticket)));
	}

	/**
	 * A player's own match token, from the ticket as that player sees it with its own token:
	 * a player's view carries that player's match token only.
	 */
	Mono<String> matchToken(String ticketId, String player) {
		return this.identity.player(player)
			.flatMap((token) -> this.matchmaker.get()
				.uri("/v1/tickets/{id}", ticketId)
				.headers((headers) -> headers.setBearerAuth(token.token()))
				.retrieve()
				.bodyToMono(TicketView.class))
			.map((view) -> view.match().tokens().get(player));
	}

	/** The leader's token names the other members: it may queue them all and follow their ticket. */
	private Mono<String> leaderToken(List<String> party) {
		return this.identity.player(party.get(0), party.subList(1, party.size())).map(IssuedIdentityToken::token);
	}

	/** Trades a player's match token for an allocation: {@code matchId}, {@code token}, {@code conn}. */
	Mono<Map<String, Object>> allocate(String matchToken) {
		return this.serverlist.post()
			.uri("/v1/allocations")
			.headers((headers) -> headers.setBearerAuth(matchToken))
			.retrieve()
			.bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() {
			});
	}

	Mono<Map<String, Object>> ratings(String player) {
		return this.matchmaker.get()
			.uri("/v1/players/{id}/ratings", player)
			.retrieve()
			.bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() {
			});
	}

}
