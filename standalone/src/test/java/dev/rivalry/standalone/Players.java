package dev.rivalry.standalone;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.rivalry.matchmaker.ticket.TicketView;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Players as a client program would be: queue a ticket, follow it over server-sent events
 * to its final state, reconnecting when the stream breaks (a restarted matchmaker), and
 * trade a match token for an allocation.
 */
final class Players {

	private final WebClient matchmaker;

	private final WebClient serverlist;

	Players(Services services) {
		this.matchmaker = WebClient.create(services.matchmakerUri().toString());
		this.serverlist = WebClient.create(services.serverlistUri().toString());
	}

	/** Queues a ticket for a party (one player or several) and returns it. */
	Mono<TicketView> queue(List<String> party, String mode) {
		return this.matchmaker.post()
			.uri("/v1/tickets")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("players", party.stream().map((id) -> Map.of("id", id)).toList(), "attributes",
					Map.of("mode", mode, "region", "eu")))
			.retrieve()
			.bodyToMono(TicketView.class);
	}

	/**
	 * The ticket's final state, as its event stream reports it; a broken stream is opened
	 * again (its first event is the current state), as an EventSource would.
	 */
	Mono<TicketView> finalState(String ticketId) {
		return Flux.defer(() -> this.matchmaker.get()
			.uri("/v1/tickets/{id}/events", ticketId)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<TicketView>>() {
			}))
			.filter((event) -> event.data() != null)
			.map(ServerSentEvent::data)
			.filter((ticket) -> ticket.state().isTerminal())
			.next()
			.retryWhen(Retry.fixedDelay(60, Duration.ofMillis(500)))
			.switchIfEmpty(Mono.defer(() -> finalState(ticketId)));
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
