package dev.rivalry.serverlist.server;

import java.net.URI;

import dev.rivalry.tickets.backfill.BackfillStore;
import dev.rivalry.web.BearerTokens;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/servers}: registration with a fleet key, then every call of a server with its
 * credential: heartbeat, ready, deregistration (the start confirmation, which issues the
 * report token, is the allocation's: {@code allocation.StartController}). Listing and reading
 * servers are an operator's, on the management port ({@link ServerListingConfiguration}).
 * Credentials are checked before the body is read, so an unauthenticated caller learns
 * nothing about what it sent.
 */
@RestController
@RequestMapping("/v1/servers")
class ServerController {

	private final ServerRegistry registry;

	private final ServerCredentials credentials;

	private final FleetKeys fleets;

	private final MatchBackfills backfills;

	ServerController(ServerRegistry registry, ServerCredentials credentials, FleetKeys fleets, BackfillStore backfills) {
		this.registry = registry;
		this.credentials = credentials;
		this.fleets = fleets;
		this.backfills = new MatchBackfills(backfills);
	}

	@PostMapping
	Mono<ResponseEntity<ServerView.Registration>> register(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@Valid @RequestBody Mono<RegisterServerRequest> request) {
		return Mono.justOrEmpty(BearerTokens.of(authorization).flatMap(this.fleets::fleetOf))
			.switchIfEmpty(Mono.error(ServerProblems.InvalidFleetKey::new))
			.flatMap((fleet) -> request.flatMap((body) -> this.registry.register(fleet, body)))
			.map((server) -> ResponseEntity.created(URI.create("/v1/servers/" + server.id()))
				.body(new ServerView.Registration(server.id(), this.credentials.issue(server).compact())));
	}

	@PutMapping("/{id}/heartbeat")
	Mono<ServerView.Heartbeat> heartbeat(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@PathVariable String id) {
		return this.credentials.authorize(authorization, id)
			.then(this.registry.heartbeat(id))
			.map((state) -> new ServerView.Heartbeat(id, state))
			.switchIfEmpty(Mono.error(() -> new ServerProblems.NotFound(id)));
	}

	@PostMapping("/{id}/ready")
	Mono<ResponseEntity<Void>> ready(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@PathVariable String id) {
		return this.credentials.authorize(authorization, id)
			.then(this.registry.ready(id))
			.flatMap((result) -> endBackfill(result).then(noContentOr(result, id)));
	}

	/** A server ready again has left its match: the match's open backfill ends. */
	private Mono<Void> endBackfill(TransitionResult result) {
		return (result instanceof TransitionResult.Applied applied) ? this.backfills.serverLeft(applied.releasedMatch())
				: Mono.empty();
	}

	@DeleteMapping("/{id}")
	Mono<ResponseEntity<Void>> deregister(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@PathVariable String id) {
		return this.credentials.authorize(authorization, id)
			.then(this.registry.deregister(id))
			.flatMap((releasedMatch) -> this.backfills.serverLeft(releasedMatch)
				.thenReturn(ResponseEntity.noContent().<Void>build()))
			.switchIfEmpty(Mono.error(() -> new ServerProblems.NotFound(id)));
	}

	private static Mono<ResponseEntity<Void>> noContentOr(TransitionResult result, String serverId) {
		if (result instanceof TransitionResult.Refused refused) {
			return Mono.error(new ServerProblems.IllegalTransition(serverId, refused.from(), refused.to()));
		}
		if (result instanceof TransitionResult.Missing) {
			return Mono.error(new ServerProblems.NotFound(serverId));
		}
		return Mono.just(ResponseEntity.noContent().build());
	}

}
