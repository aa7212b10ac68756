package dev.rivalry.serverlist.events;

import java.time.Duration;

import dev.rivalry.serverlist.server.ServerCredentials;
import dev.rivalry.serverlist.server.ServerProblems;
import dev.rivalry.serverlist.system.ServerlistProperties;
import dev.rivalry.tokens.TokenIssuer;
import dev.rivalry.web.EventStreams;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/servers/{id}/events}, with the server's credential: a comment
 * {@code connected} first, then the pending allocation if there is one, then one event per
 * change: {@code allocation} ({@link AllocationEvent}), {@code started} (with a freshly
 * signed report token, once per confirmed start), {@code backfill} (players joined the running match), {@code allocation-expired} and, last,
 * {@code removed}. Comment heartbeats while idle. Each
 * event's id is the server's version. An unknown server is a 404 problem before the stream.
 */
@RestController
class ServerEventsController {

	private final ServerCredentials credentials;

	private final ServerEvents events;

	private final TokenIssuer issuer;

	private final EventStreams live;

	private final Duration heartbeat;

	ServerEventsController(ServerCredentials credentials, ServerEvents events, TokenIssuer issuer, EventStreams live,
			ServerlistProperties properties) {
		this.credentials = credentials;
		this.events = events;
		this.issuer = issuer;
		this.live = live;
		this.heartbeat = properties.events().heartbeat();
	}

	@GetMapping(path = "/v1/servers/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> events(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@PathVariable String id) {
		Flux<ServerSentEvent<Object>> events = this.credentials.authorize(authorization, id)
			.thenMany(this.events.follow(id))
			.switchIfEmpty(Mono.error(() -> new ServerProblems.NotFound(id)))
			.concatMap((message) -> render(id, message));
		return this.live.live(events, this.heartbeat);
	}

	private Flux<ServerSentEvent<Object>> render(String serverId, ServerMessage message) {
		if (message instanceof ServerMessage.Current current) {
			Flux<ServerSentEvent<Object>> connected = Flux.just(ServerSentEvent.builder().comment("connected").build());
			return (current.pending() != null) ? connected.concatWith(render(serverId, current.pending())) : connected;
		}
		if (message instanceof ServerMessage.Allocated allocated) {
			AllocationEvent data = new AllocationEvent(allocated.match().matchId(), allocated.match().participants(),
					allocated.match().config(), allocated.startBy());
			return Flux.just(event("allocation", message, data));
		}
		if (message instanceof ServerMessage.Started started) {
			String reportToken = started.match().reportToken(this.issuer, serverId);
			return Flux.just(event("started", message, new AllocationEvent.Started(started.match().matchId(), reportToken)));
		}
		if (message instanceof ServerMessage.Backfilled backfilled) {
			return Flux.just(event("backfill", message, new AllocationEvent.Backfilled(backfilled.match().matchId(),
					backfilled.match().participants(), backfilled.added())));
		}
		if (message instanceof ServerMessage.Expired expired) {
			return Flux.just(event("allocation-expired", message, new AllocationEvent.Expired(expired.matchId())));
		}
		return Flux.just(event("removed", message, new AllocationEvent.Removed(serverId)));
	}

	private static ServerSentEvent<Object> event(String name, ServerMessage message, Object data) {
		return ServerSentEvent.builder(data).event(name).id(Long.toString(message.version())).build();
	}

}
