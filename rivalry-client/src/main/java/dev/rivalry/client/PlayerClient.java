package dev.rivalry.client;

import java.net.URI;
import java.util.function.Function;

import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What a player's game client calls (docs/api.md, docs/serverlist.md): queue a ticket, follow
 * it to its end, answer a proposed match, cancel, and trade the match token for a game
 * server. Every ticket call carries the player's token from the game's identity provider,
 * asked of the {@link TokenSource} each time. Get one from {@link RivalryClient#player}.
 * <p>
 * Refusals are {@link ProblemException}s. Thread safe; holds no connection between calls.
 */
public final class PlayerClient {

	private final Calls calls;

	private final Reconnecting streams;

	private final URI matchmaker;

	private final URI serverlist;

	private final TokenSource token;

	PlayerClient(Calls calls, URI matchmaker, URI serverlist, TokenSource token) {
		this.calls = calls;
		this.streams = new Reconnecting(calls);
		this.matchmaker = matchmaker;
		this.serverlist = serverlist;
		this.token = token;
	}

	/**
	 * Queues a ticket. With a {@link TicketRequest#requestId()}, asking again (after a timeout,
	 * say) returns the same ticket and never queues the party twice.
	 * @return the ticket, {@code SEARCHING}; {@code 409 active-ticket-exists} when a player
	 * already searches in the profile (its {@code ticketId} extension names the ticket)
	 */
	public Mono<Ticket> createTicket(TicketRequest request) {
		return withToken((bearer) -> this.calls.call(HttpMethod.POST, tickets(""), bearer, request, Ticket.class));
	}

	/** @return the ticket as the caller may see it now; {@code 404 ticket-not-found} when not the caller's */
	public Mono<Ticket> ticket(String ticketId) {
		return withToken((bearer) -> this.calls.call(HttpMethod.GET, tickets("/" + ticketId), bearer, null, Ticket.class));
	}

	/**
	 * Follows the ticket: its current state first, then each change, reconnecting with
	 * {@code Last-Event-ID} whenever the stream drops (nothing is missed, nothing repeats).
	 * @return the ticket's states; completes after a terminal one
	 */
	public Flux<Ticket> events(String ticketId) {
		return this.streams.follow(tickets("/" + ticketId + "/events"), this.token, this::ticketOf, Ticket::isTerminal,
				Reconnecting::refusedForGood);
	}

	/** @return the ticket's terminal state (see {@link #events}) */
	public Mono<Ticket> outcome(String ticketId) {
		return events(ticketId).last();
	}

	/**
	 * One connection to the ticket's stream, with no reconnection, for callers that
	 * reconnect their own way (to another instance, say): the current state first, then
	 * each change; it completes when the service ends the stream.
	 */
	public Flux<Ticket> stream(String ticketId) {
		return this.token.token()
			.flatMapMany((bearer) -> this.calls.stream(tickets("/" + ticketId + "/events"), bearer, null))
			.mapNotNull(this::ticketOf);
	}

	/** Cancels the ticket (done for one already cancelled or expired); {@code 409 ticket-already-matched} when too late. */
	public Mono<Void> cancel(String ticketId) {
		return withToken((bearer) -> this.calls.call(HttpMethod.DELETE, tickets("/" + ticketId), bearer, null, Void.class));
	}

	/** Accepts the match proposed to the ticket ({@code PROPOSED}); answering twice is harmless. */
	public Mono<Void> accept(String ticketId) {
		return answer(ticketId, "accept");
	}

	/** Declines the match proposed to the ticket: the ticket ends {@code CANCELLED}. */
	public Mono<Void> decline(String ticketId) {
		return answer(ticketId, "decline");
	}

	/**
	 * Trades a match token for a game server, asking again while none is free (a {@code 503}
	 * with {@code Retry-After}) as the client's settings allow.
	 * @param matchToken the player's own token of {@link Ticket.Match#tokens()}
	 * @return where to connect and the token to show there
	 */
	public Mono<AllocationGrant> allocate(String matchToken) {
		return this.calls.call(HttpMethod.POST, this.serverlist.resolve("/v1/allocations"), matchToken, null,
				AllocationGrant.class);
	}

	/** @return a player's ratings, one per profile (public: any player's may be read) */
	public Mono<Ratings> ratings(String playerId) {
		return this.calls.call(HttpMethod.GET, this.matchmaker.resolve("/v1/players/" + playerId + "/ratings"), null,
				null, Ratings.class);
	}

	private Mono<Void> answer(String ticketId, String answer) {
		return withToken((bearer) -> this.calls.call(HttpMethod.POST, tickets("/" + ticketId + "/" + answer), bearer,
				null, Void.class));
	}

	/** @return the ticket of a {@code ticket} event, {@code null} for anything else */
	private Ticket ticketOf(ServerEvent event) {
		return (event.is("ticket") && event.data() != null) ? this.calls.json.readValue(event.data(), Ticket.class)
				: null;
	}

	private <T> Mono<T> withToken(Function<String, Mono<T>> call) {
		return this.token.token().flatMap(call);
	}

	private URI tickets(String path) {
		return this.matchmaker.resolve("/v1/tickets" + path);
	}

}
