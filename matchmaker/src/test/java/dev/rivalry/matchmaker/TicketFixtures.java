package dev.rivalry.matchmaker;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.rivalry.matchmaker.ticket.TicketView;
import dev.rivalry.tickets.Match;
import dev.rivalry.tickets.MatchOutcome;
import dev.rivalry.tickets.TicketIds;
import dev.rivalry.tickets.TicketStore;
import dev.rivalry.testsupport.TestIdentity;
import dev.rivalry.tokens.Participant;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Creates tickets over HTTP, and matches them through {@link TicketStore#match}, the one
 * atomic path the match engine uses.
 */
public final class TicketFixtures {

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
		WebTestClient.Builder builder = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.responseTimeout(Duration.ofSeconds(30));
		if (token != null) {
			builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return builder.build();
	}

	public static String player(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	public static Map<String, Object> duelRequest(String playerId) {
		return Map.of("players", List.of(Map.of("id", playerId)), "attributes", Map.of("mode", "duel", "region", "eu"));
	}

	public static TicketView create(WebTestClient client, Map<String, Object> body) {
		return client.post()
			.uri("/v1/tickets")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(TicketView.class)
			.returnResult()
			.getResponseBody();
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
