package dev.rivalry.standalone.demo;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.rivalry.devidentity.IssuedIdentityToken;
import dev.rivalry.devidentity.client.DevIdentityClient;
import dev.rivalry.tokens.Participant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * queue a ticket, follow it to its end, trade a match token for an allocation. Ticket calls
 * carry the party leader's player token from the development identity provider (cached per
 * player and renewed before it expires), whose {@code party} claim lists the other members:
 * the matchmaker lets a player queue others only when they agreed.
 * Thread safe.
 */
final class PlayerClient {

	private static final Logger logger = LoggerFactory.getLogger(PlayerClient.class);

	private static final ParameterizedTypeReference<ServerSentEvent<Ticket>> TICKET_EVENT = new ParameterizedTypeReference<>() {
	};

	/** A request that gets no answer in this long has failed: the bot tries again later. */
	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

	/** How often a player asks again for a server while none is free. */
	private static final Retry NO_CAPACITY = Retry.fixedDelay(15, Duration.ofSeconds(2))
		.filter(WebClientResponseException.ServiceUnavailable.class::isInstance);

	private final WebClient matchmaker;

	private final WebClient serverlist;

	private final DevIdentityClient identity;

	PlayerClient(WebClient.Builder builder, URI matchmaker, URI serverlist, DevIdentityClient identity) {
		this.matchmaker = builder.clone().baseUrl(matchmaker.toString()).build();
		this.serverlist = builder.clone().baseUrl(serverlist.toString()).build();
		this.identity = identity;
	}

	/**
	 * Queues a ticket; a player who still has a searching ticket in the profile (a bot
	 * restarted against the same Redis) follows that one instead.
	 * @param players the party, its leader first
	 * @return the ticket's id
	 */
	Mono<String> queue(List<String> players, Map<String, Object> attributes) {
		Map<String, Object> body = Map.of("players", players.stream().map((id) -> Map.of("id", id)).toList(),
				"attributes", attributes);
		return leaderToken(players).flatMap((token) -> this.matchmaker.post()
			.uri("/v1/tickets")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.retrieve()
			.bodyToMono(Ticket.class)
			.map(Ticket::id)
			.onErrorResume(WebClientResponseException.Conflict.class, (conflict) -> Mono
				.justOrEmpty(conflict.getResponseBodyAs(ActiveTicket.class)).mapNotNull(ActiveTicket::ticketId)))
			.timeout(CALL_TIMEOUT);
	}

	/**
	 * Follows a ticket's events to its terminal state.
	 * @param players the ticket's party, its leader first
	 * @param patience the longest wait (the ticket's time to live and some)
	 * @return the ticket in its last state
	 */
	Mono<Ticket> outcome(List<String> players, String ticketId, Duration patience) {
		return outcome(players, ticketId, patience, (proposal) -> Mono.empty());
	}

	/**
	 * Follows a ticket's events to its terminal state, answering each match proposed on the
	 * way (a profile with acceptance).
	 * @param answer what the bot answers to a proposal: {@code accept}, {@code decline}, or
	 * empty to let it time out; called once per proposal
	 */
	Mono<Ticket> outcome(List<String> players, String ticketId, Duration patience,
			Function<Proposal, Mono<String>> answer) {
		Set<String> answered = ConcurrentHashMap.newKeySet();
		return leaderToken(players).flatMap((token) -> this.matchmaker.get()
			.uri("/v1/tickets/{id}/events", ticketId)
			.headers((headers) -> headers.setBearerAuth(token))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(TICKET_EVENT)
			.filter((event) -> "ticket".equals(event.event()) && event.data() != null)
			.map(ServerSentEvent::data)
			.doOnNext((ticket) -> {
				if (ticket.proposal() != null && answered.add(ticket.proposal().id())) {
					answer.apply(ticket.proposal())
						.flatMap((choice) -> answer(token, ticketId, choice))
						.subscribe(null, (ex) -> logger.debug("Answering a proposal failed: {}", ex.toString()));
				}
			})
			.takeUntil(Ticket::isTerminal)
			.last())
			.timeout(patience);
	}

	private Mono<Void> answer(String token, String ticketId, String choice) {
		return this.matchmaker.post()
			.uri("/v1/tickets/{id}/{choice}", ticketId, choice)
			.headers((headers) -> headers.setBearerAuth(token))
			.retrieve()
			.toBodilessEntity()
			.timeout(CALL_TIMEOUT)
			.then();
	}

	/**
	 * A player's own match token, from the ticket as that player sees it: a player's view of
	 * a ticket carries that player's match token only.
	 * @return the token; an error when the ticket shows none for the player
	 */
	Mono<String> matchToken(String player, String ticketId) {
		return this.identity.player(player)
			.flatMap((token) -> this.matchmaker.get()
				.uri("/v1/tickets/{id}", ticketId)
				.headers((headers) -> headers.setBearerAuth(token.token()))
				.retrieve()
				.bodyToMono(Ticket.class))
			.mapNotNull((ticket) -> (ticket.match() != null) ? ticket.match().tokens().get(player) : null)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("No match token for " + player)))
			.timeout(CALL_TIMEOUT);
	}

	/** The leader's token names the other members: it may queue them and follow their ticket. */
	private Mono<String> leaderToken(List<String> players) {
		return this.identity.player(players.get(0), players.subList(1, players.size()))
			.map(IssuedIdentityToken::token);
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
	record Ticket(String id, String state, MatchView match, Proposal proposal) {

		boolean isTerminal() {
			return !"SEARCHING".equals(this.state) && !"PROPOSED".equals(this.state);
		}

		boolean isMatched() {
			return "MATCHED".equals(this.state) && this.match != null;
		}

	}

	/** What a bot reads of a match proposed to it. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Proposal(String id, Instant expiresAt) {
	}

	/** What a bot reads of its match. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record MatchView(String id, Map<String, String> tokens, List<Participant> participants, Boolean backfill) {
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
