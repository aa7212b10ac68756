package dev.rivalry.testsupport.tickets;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Asks the matchmaker for tickets over HTTP ({@code POST /v1/tickets}, docs/api.md), as a game
 * back end or a player does. The answer's type is the caller's: the matchmaker's own tests read
 * its {@code TicketView}, others what they need of it.
 */
public final class TicketRequests {

	private TicketRequests() {
	}

	/** @return a ticket for one player in this mode, in region {@code eu} */
	public static Map<String, Object> solo(String playerId, String mode) {
		return Map.of("players", List.of(Map.of("id", playerId)), "attributes", Map.of("mode", mode, "region", "eu"));
	}

	/** @return a ticket for one player in the {@code duel} profile, region {@code eu} */
	public static Map<String, Object> duel(String playerId) {
		return solo(playerId, "duel");
	}

	/** @return the answer to {@code POST /v1/tickets} with this JSON body, whatever it is */
	public static WebTestClient.ResponseSpec post(WebTestClient client, Object body) {
		return client.post().uri("/v1/tickets").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	/** @return the ticket created ({@code 201}) by {@code POST /v1/tickets} with this body, read as {@code view} */
	public static <T> T created(WebTestClient client, Object body, Class<T> view) {
		return post(client, body).expectStatus().isCreated().expectBody(view).returnResult().getResponseBody();
	}

}
