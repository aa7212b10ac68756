package dev.rivalry.matchmaker;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.rivalry.matchmaker.ticket.TicketView;
import dev.rivalry.testsupport.http.TestClients;
import dev.rivalry.testsupport.sse.EventStream;
import dev.rivalry.testsupport.tickets.TicketRequests;
import dev.rivalry.tickets.Match;
import dev.rivalry.tickets.MatchOutcome;
import dev.rivalry.tickets.TicketIds;
import dev.rivalry.tickets.TicketStore;
import dev.rivalry.testsupport.TestIdentity;
import dev.rivalry.tokens.Participant;
import reactor.core.publisher.Flux;

import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Creates tickets over HTTP, and matches them through {@link TicketStore#match}, the one
 * atomic path the match engine uses.
 */
public final class TicketFixtures {

	/** A ticket's events ({@code GET /v1/tickets/{id}/events}, {@code /v1/tickets/events}), read as the API's view. */
	public static final EventStream<TicketView> TICKET_EVENTS = EventStream.of(TicketView.class);

	private TicketFixtures() {
	}

	/**
	 * A client that calls as a trusted game back end (which may act for any player), so
	 * tests of ticket behaviour need not juggle player tokens; tests of who may call what
	 * use {@link #clientAs} with the token they are about.
	 */
	public static WebTestClient client(int port) {
		return clientAs(port, TestIdentity.get().backend("test-backend"));
	}

	/** A client of the management port, as an operator's browser or scraper: no credential. */
	public static WebTestClient operator(int managementPort) {
		return clientAs(managementPort, null);
	}

	/** A client that sends this bearer token (null: none) with every request. */
	public static WebTestClient clientAs(int port, String token) {
		return TestClients.localhost(port, token);
	}

	/** @return the request for one ticket's event stream, for {@link #TICKET_EVENTS} */
	public static WebTestClient.RequestHeadersSpec<?> eventsOf(WebTestClient client, String ticketId) {
		return client.get().uri("/v1/tickets/{id}/events", ticketId);
	}

	/** @return the ticket's event stream, open (its headers are in) until its body is consumed or cancelled */
	public static Flux<ServerSentEvent<TicketView>> openEvents(WebTestClient client, String ticketId) {
		return TICKET_EVENTS.open(eventsOf(client, ticketId));
	}

	/** @return the answer to a request for the ticket's event stream, for a test of a refusal */
	public static WebTestClient.ResponseSpec requestEvents(WebTestClient client, String ticketId) {
		return EventStream.request(eventsOf(client, ticketId));
	}

	public static String player(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	public static Map<String, Object> duelRequest(String playerId) {
		return TicketRequests.duel(playerId);
	}

	public static TicketView create(WebTestClient client, Map<String, Object> body) {
		return TicketRequests.created(client, body, TicketView.class);
	}

	public static TicketView createDuel(WebTestClient client, String playerId) {
		return create(client, duelRequest(playerId));
	}

	/** Matches tickets of one pool, one player each, one team per ticket, as the engine would. */
	public static MatchOutcome match(TicketStore store, String profile, TicketView... tickets) {
		List<Participant> participants = new ArrayList<>();
		for (int team = 0; team < tickets.length; team++) {
			for (var player : tickets[team].players()) {
				participants.add(new Participant(player.id(), team));
			}
		}
		Match match = new Match(TicketIds.newId(profile, "eu"), profile, participants, Map.of("map", "arena"), null,
				null, Instant.now());
		return store.match(match, java.util.Arrays.stream(tickets).map(TicketView::id).toList()).block();
	}

}
