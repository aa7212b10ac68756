package dev.rivalry.bench.load;

import java.util.List;

import dev.rivalry.devidentity.IssuedIdentityToken;
import dev.rivalry.devidentity.client.DevIdentityClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The generated players' tokens from the development identity provider. Every ticket's
 * tokens are fetched before the arrival schedule starts ({@link #prefetch}): a token
 * fetched on a ticket's way would add the provider's answer to the create latency, and its
 * signing would take CPU from the stack under test (in standalone the provider shares the
 * services' JVM). During the run they come from the client's cache, which fetches a token
 * again only shortly before it expires: in a run longer than the tokens' lifetime (one hour
 * by default) those late fetches do fall into the measurements.
 * <p>
 * A ticket needs its leader's token, whose {@code party} claim names the other players (it
 * creates, follows and cancels the ticket), and each other player's own token (each reads
 * its own match token from its own view of the ticket). Thread safe.
 */
final class PlayerTokens {

	/** Token requests in flight at once while prefetching. */
	private static final int PREFETCH_CONCURRENCY = 64;

	private final DevIdentityClient identity;

	PlayerTokens(DevIdentityClient identity) {
		this.identity = identity;
	}

	/**
	 * Fetches the tokens of the given tickets into the cache.
	 * @param tickets each ticket's players, its leader first
	 * @return how many tokens were fetched; an error when the provider refused or was not there
	 */
	Mono<Long> prefetch(Flux<List<String>> tickets) {
		return tickets.flatMap((players) -> Flux.concat(leader(players),
				Flux.fromIterable(players.subList(1, players.size())).concatMap(this::own)), PREFETCH_CONCURRENCY)
			.count();
	}

	/** @return the leader's token, whose {@code party} claim lists the ticket's other players */
	Mono<String> leader(List<String> players) {
		return this.identity.player(players.get(0), players.subList(1, players.size()))
			.map(IssuedIdentityToken::token);
	}

	/** @return the token of the game back end that follows tickets on multi-ticket streams */
	Mono<String> backend() {
		return this.identity.backend("load-generator").map(IssuedIdentityToken::token);
	}

	/** @return the player's own token, naming no party */
	Mono<String> own(String player) {
		return this.identity.player(player).map(IssuedIdentityToken::token);
	}

}
