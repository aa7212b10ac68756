package dev.rivalry.standalone.example;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.rivalry.client.AllocationGrant;
import dev.rivalry.client.GameServer;
import dev.rivalry.client.GameServerSettings;
import dev.rivalry.client.PlayerClient;
import dev.rivalry.client.ProblemException;
import dev.rivalry.client.RivalryClient;
import dev.rivalry.client.Ticket;
import dev.rivalry.client.TicketRequest;
import dev.rivalry.client.TokenSource;
import reactor.core.publisher.Mono;

/**
 * The example of docs/client.md, whole: a player who finds a match and gets a game server,
 * and the game server that hosts it. {@code FullLoopEndToEndTests} compiles and runs it
 * against the real services, so the page cannot drift from the library.
 */
public final class ClientExample {

	private ClientExample() {
	}

	// ---- The player's side -------------------------------------------------------------

	/**
	 * Queues for a duel in {@code us}, follows the ticket to its end (accepting the match if
	 * the profile asks players to), and trades the match token for a game server.
	 * @param token the player's token from the game's identity provider
	 * @return where to connect, and the allocation token to show there
	 */
	public static Mono<AllocationGrant> findAMatch(RivalryClient rivalry, String playerId, TokenSource token) {
		PlayerClient player = rivalry.player(token);
		TicketRequest request = TicketRequest.of(List.of(playerId), Map.of("mode", "duel", "region", "us"))
			.withLatencies(Map.of("us", 40))
			// The same key again (after a timeout, say) gives the same ticket: never queued twice.
			.withRequestId(UUID.randomUUID().toString());
		return player.createTicket(request)
			.map(Ticket::id)
			// Already searching (a restarted game client): follow that ticket instead.
			.onErrorResume(ClientExample::alreadySearching,
					(problem) -> Mono.just((String) ((ProblemException) problem).extensions().get("ticketId")))
			.flatMap((ticketId) -> player.events(ticketId)
				.concatMap((ticket) -> "PROPOSED".equals(ticket.state()) ? player.accept(ticketId).thenReturn(ticket)
						: Mono.just(ticket))
				.last())
			.flatMap((ticket) -> ticket.isMatched() ? player.allocate(ticket.match().tokens().get(playerId))
					: Mono.error(new IllegalStateException("Ticket ended " + ticket.state())));
	}

	private static boolean alreadySearching(Throwable failure) {
		return failure instanceof ProblemException problem && "active-ticket-exists".equals(problem.slug())
				&& problem.extensions().containsKey("ticketId");
	}

	// ---- The game server's side --------------------------------------------------------

	/**
	 * Registers in the fleet, then heartbeats and follows its events on its own.
	 * @return the running server; deregister and close it when the process stops
	 */
	public static GameServer startGameServer(RivalryClient rivalry, String fleetKey) {
		GameServer server = rivalry.gameServer(GameServerSettings.of(fleetKey, "203.0.113.7:7777", "us")
			.withLabels(Map.of("map", "arena")));
		// In main, before serving: waiting here is fine.
		server.start().block(Duration.ofSeconds(30));
		return server;
	}

	/**
	 * Your game's network code calls this when a player connects with its allocation token:
	 * checked locally against the serverlist's keys; the last expected player in confirms
	 * the start, which gives the server its report token.
	 * @return the player's id when let in; a {@link GameServer.Refused} otherwise (close the connection)
	 */
	public static Mono<String> onPlayerConnected(GameServer server, String allocationToken) {
		return server.admit(allocationToken).map((claims) -> claims.playerId());
	}

	/**
	 * When the match is over: report it, then take the next one.
	 * @param ranks one rank per team, in the match's team order (1 is best)
	 */
	public static Mono<Void> onMatchOver(GameServer server, List<Integer> ranks) {
		return server.reportResults(ranks)
			// Reported already (this is a retry): the first report counts, nothing is lost.
			.onErrorResume((ex) -> ex instanceof ProblemException problem
					&& "result-already-reported".equals(problem.slug()), (ex) -> Mono.empty())
			.then(server.ready());
	}

}
