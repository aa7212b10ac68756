package dev.rivalry.serverlist.allocation;

import dev.rivalry.serverlist.server.ServerCredentials;
import dev.rivalry.serverlist.server.ServerProblems;
import dev.rivalry.serverlist.server.ServerState;
import dev.rivalry.tokens.TokenIssuer;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/servers/{id}/matches/{matchId}/started}, with the server's credential: the
 * server confirms the start of the match it was allocated and receives its report token for
 * the match ({@link StartView}). The report token is issued here and on the server's
 * {@code started} event, never with the allocation, so an allocation that expires before the
 * start yields none.
 *
 * <p>Idempotent: the server playing the match may ask again and receives a fresh report token
 * (the matchmaker accepts one result per match, whatever token it comes with). A server that
 * does not hold the match (never allocated, or the start deadline passed) is a 409
 * {@code not-allocated-to-match}; one that holds it in a state that may not become
 * {@code PLAYING} is a 409 {@code illegal-transition}; an unknown server a 404.
 */
@RestController
class StartController {

	private final ServerCredentials credentials;

	private final Allocations allocations;

	private final TokenIssuer issuer;

	StartController(ServerCredentials credentials, Allocations allocations, TokenIssuer issuer) {
		this.credentials = credentials;
		this.allocations = allocations;
		this.issuer = issuer;
	}

	@PostMapping("/v1/servers/{id}/matches/{matchId}/started")
	Mono<StartView> started(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@PathVariable String id, @PathVariable String matchId) {
		return this.credentials.authorize(authorization, id)
			.then(this.allocations.start(id, matchId))
			.flatMap((outcome) -> respond(id, matchId, outcome));
	}

	private Mono<StartView> respond(String serverId, String matchId, StartOutcome outcome) {
		if (outcome instanceof StartOutcome.Started started) {
			return Mono.just(new StartView(started.match().reportToken(this.issuer, serverId)));
		}
		if (outcome instanceof StartOutcome.NotAllocated notAllocated) {
			return Mono.error(new AllocationProblems.NotAllocated(serverId, matchId, notAllocated.state()));
		}
		if (outcome instanceof StartOutcome.Refused refused) {
			return Mono.error(new ServerProblems.IllegalTransition(serverId, refused.state(), ServerState.PLAYING));
		}
		return Mono.error(new ServerProblems.NotFound(serverId));
	}

}
