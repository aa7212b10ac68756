package dev.rivalry.standalone.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.rivalry.client.PlayerClient;
import dev.rivalry.client.Ticket;
import dev.rivalry.client.TicketRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bots that queue together on one ticket (one bot, or a party), round after round: queue
 * (the first bot, with a token whose party claim names the others), follow the ticket, and
 * when it is matched, each bot trades its own match token for an allocation, connects to
 * the server and plays until the match is over; then they rest and queue again. A round
 * that fails anywhere is logged at debug and followed by the next one, so bots never stop
 * until disposed.
 */
final class BotParty {

	private static final Logger logger = LoggerFactory.getLogger(BotParty.class);

	/** A ticket lives five minutes with the default profiles; a little more is enough. */
	private static final Duration TICKET_PATIENCE = Duration.ofMinutes(6);

	/** The serverlist's start deadline (60 s) and the longest match, with room to spare. */
	private static final Duration MATCH_PATIENCE = Duration.ofMinutes(3);

	private final List<String> players;

	private final Map<String, Object> attributes;

	private final BotPlayers client;

	private final Function<String, SimulatedServer> servers;

	private final DemoSettings settings;

	private final DemoCounters counters;

	/**
	 * @param players the bots' ids, one for a solo ticket; the first leads the party and
	 * queues it with its token
	 * @param attributes the ticket's attributes (mode and region)
	 * @param client the bots' calls
	 * @param servers the demo's server at an allocation's {@code conn}, or null
	 */
	BotParty(List<String> players, Map<String, Object> attributes, BotPlayers client,
			Function<String, SimulatedServer> servers, DemoSettings settings, DemoCounters counters) {
		this.players = List.copyOf(players);
		this.attributes = Map.copyOf(attributes);
		this.client = client;
		this.servers = servers;
		this.settings = settings;
		this.counters = counters;
	}

	List<String> players() {
		return this.players;
	}

	/** @return rounds until cancelled; never errors */
	Mono<Void> play() {
		// The first rest staggers the bots, so they do not all queue in the same instant.
		return Mono.delay(this.settings.rest().draw()).thenMany(Mono.defer(this::round).repeat()).then();
	}

	private Mono<Void> round() {
		return this.client.queue(this.players, TicketRequest.of(this.players, this.attributes))
			.doOnNext((ticketId) -> this.counters.queued())
			.flatMap((ticketId) -> outcome(ticketId).timeout(TICKET_PATIENCE))
			.flatMap((ticket) -> ticket.isMatched() ? playMatch(ticket.id(), ticket.match()) : Mono.empty())
			// One policy: whatever went wrong, this round is over and the next one starts after a rest.
			.onErrorResume((ex) -> {
				logger.debug("Bots {}: round ended early: {}", this.players, ex.toString());
				return Mono.empty();
			})
			.then(Mono.delay(this.settings.rest().draw()))
			.then();
	}

	/**
	 * Follows the ticket to its last state, answering each match proposed on the way (a
	 * profile with acceptance): the bot thinks a moment, then accepts, declines, or walks away.
	 */
	private Mono<Ticket> outcome(String ticketId) {
		PlayerClient leader = this.client.leader(this.players);
		Set<String> answered = ConcurrentHashMap.newKeySet();
		return leader.events(ticketId).doOnNext((ticket) -> {
			if (ticket.proposal() != null && answered.add(ticket.proposal().id())) {
				answer(leader, ticketId).subscribe(null,
						(ex) -> logger.debug("Bots {}: answering a proposal failed: {}", this.players, ex.toString()));
			}
		}).last();
	}

	private Mono<Void> answer(PlayerClient leader, String ticketId) {
		Optional<String> choice = this.settings.answers().draw();
		this.counters.proposed(choice.orElse(null));
		return Mono.justOrEmpty(choice)
			.delayElement(this.settings.answers().think().draw())
			.flatMap((answer) -> "accept".equals(answer) ? leader.accept(ticketId) : leader.decline(ticketId));
	}

	private Mono<Void> playMatch(String ticketId, Ticket.Match match) {
		this.counters.matched();
		if (Boolean.TRUE.equals(match.backfill())) {
			this.counters.joinedByBackfill();
		}
		return Flux.fromIterable(this.players)
			.flatMap((player) -> join(player, ticketId, match))
			.then()
			.timeout(MATCH_PATIENCE);
	}

	/** One bot: its own match token, its allocation, the way to the server, and the match. */
	private Mono<Void> join(String player, String ticketId, Ticket.Match match) {
		// The leader's view may carry the leader's token only: the others read their own.
		String seen = match.tokens().get(player);
		PlayerClient own = this.client.player(player);
		Mono<String> matchToken = (seen != null) ? Mono.just(seen)
				: own.ticket(ticketId).mapNotNull((ticket) -> ticket.isMatched() ? ticket.match().tokens().get(player) : null);
		return matchToken.switchIfEmpty(Mono.error(() -> new IllegalStateException("No match token for " + player)))
			.flatMap(own::allocate)
			.delayElement(this.settings.connect().draw())
			.flatMap((allocated) -> {
				SimulatedServer server = this.servers.apply(allocated.conn());
				if (server == null) {
					return Mono.error(new IllegalStateException("No demo server at " + allocated.conn()));
				}
				return server.join(match.id(), allocated.token());
			});
	}

}
