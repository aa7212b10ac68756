package dev.rivalry.standalone.demo;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.rivalry.tokens.Participant;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * The calls a player's client makes, as docs/api.md and docs/serverlist.md describe them:
 * queue a ticket, follow it to its end, trade a match token for an allocation.
 * Thread safe.
 */
final class PlayerClient {

	private static final ParameterizedTypeReference<ServerSentEvent<Ticket>> TICKET_EVENT = new ParameterizedTypeReference<>() {
	};

	/** A request that gets no answer in this long has failed: the bot tries again later. */
	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

	/** How often a player asks again for a server while none is free. */
	private static final Retry NO_CAPACITY = Retry.fixedDelay(15, Duration.ofSeconds(2))
		.filter(WebClientResponseException.ServiceUnavailable.class::isInstance);

	private final WebClient matchmaker;

	private final WebClient serverlist;

	PlayerClient(WebClient.Builder builder, URI matchmaker, URI serverlist) {
		this.matchmaker = builder.clone().baseUrl(matchmaker.toString()).build();
		this.serverlist = builder.clone().baseUrl(serverlist.toString()).build();
	}

	/**
	 * Queues a ticket; a player who still has a searching ticket in the profile (a bot
	 * restarted against the same Redis) follows that one instead.
	 * @return the ticket's id
	 */
	Mono<String> queue(List<String> players, Map<String, Object> attributes) {
		Map<String, Object> body = Map.of("players", players.stream().map((id) -> Map.of("id", id)).toList(),
				"attributes", attributes);
		return this.matchmaker.post()
			.uri("/v1/tickets")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.retrieve()
			.bodyToMono(Ticket.class)
			.map(Ticket::id)
			.onErrorResume(WebClientResponseException.Conflict.class, (conflict) -> Mono
				.justOrEmpty(conflict.getResponseBodyAs(ActiveTicket.class)).mapNotNull(ActiveTicket::ticketId))
			.timeout(CALL_TIMEOUT);
	}

	/**
	 * Follows a ticket's events to its terminal state.
	 * @param patience the longest wait (the ticket's time to live and some)
	 * @return the ticket in its last state
	 */
	Mono<Ticket> outcome(String ticketId, Duration patience) {
		return this.matchmaker.get()
			.uri("/v1/tickets/{id}/events", ticketId)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(TICKET_EVENT)
			.filter((event) -> "ticket".equals(event.event()) && event.data() != null)
			.map(ServerSentEvent::data)
			.takeUntil(Ticket::isTerminal)
			.last()
			.timeout(patience);
	}

	/**
	 * Trades a match token for an allocation, asking again while no server is free.
	 * @return the allocation token and where to connect
	 */
	Mono<Allocated> allocate(String matchToken) {
		return this.serverlist.post()
			.uri("/v1/allocations")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + matchToken)
			.retrieve()
			.bodyToMono(Allocated.class)
			.timeout(CALL_TIMEOUT)
			.retryWhen(NO_CAPACITY);
	}

	/** What a bot reads of a ticket. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Ticket(String id, String state, MatchView match) {

		boolean isTerminal() {
			return !"SEARCHING".equals(this.state);
		}

		boolean isMatched() {
			return "MATCHED".equals(this.state) && this.match != null;
		}

	}

	/** What a bot reads of its match. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record MatchView(String id, Map<String, String> tokens, List<Participant> participants) {
	}

	/** The body of a {@code 409 active-ticket-exists}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ActiveTicket(String ticketId) {
	}

	/** The answer of {@code POST /v1/allocations}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Allocated(String matchId, String token, String conn) {
	}

}
