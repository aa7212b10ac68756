package dev.rivalry.client;

import java.util.List;

import dev.rivalry.tokens.Participant;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * A game server's event stream, followed for as long as the server runs: what it says
 * about the server's current match (allocated, grown by a backfill, expired), and every
 * event as it comes. A pending allocation is sent again on each reconnection, so it is
 * handled idempotently by match id.
 */
final class ServerStream {

	private final ServerCalls calls;

	private final Reconnecting streams;

	private final JsonMapper json;

	private final Sinks.Many<ServerEvent> events = Sinks.many().multicast().directBestEffort();

	private final Sinks.Many<Allocation> allocations = Sinks.many().replay().limit(32);

	private final Sinks.Many<Allocation> backfills = Sinks.many().replay().limit(32);

	private volatile Allocation current;

	ServerStream(ServerCalls calls, Reconnecting streams, JsonMapper json) {
		this.calls = calls;
		this.streams = streams;
		this.json = json;
	}

	/**
	 * Follows the server's stream until it says {@code removed} or the running set is disposed.
	 * @return completes when the first connection is open
	 */
	Mono<Void> connect(ServerCalls.Registration server, Disposable.Composite running) {
		Sinks.Empty<Void> connected = Sinks.empty();
		TokenSource credential = TokenSource.of(server.token());
		running.add(this.streams
			.follow(this.calls.eventsUri(server), credential, (event) -> event, (event) -> event.is("removed"),
					Reconnecting::refusedForGood)
			.subscribe((event) -> handle(event, connected), connected::tryEmitError));
		return connected.asMono();
	}

	Flux<ServerEvent> events() {
		return this.events.asFlux();
	}

	Flux<Allocation> allocations() {
		return this.allocations.asFlux();
	}

	Flux<Allocation> backfills() {
		return this.backfills.asFlux();
	}

	Allocation current() {
		return this.current;
	}

	void clearCurrent() {
		this.current = null;
	}

	void close() {
		this.allocations.tryEmitComplete();
		this.backfills.tryEmitComplete();
		this.events.tryEmitComplete();
	}

	private void handle(ServerEvent event, Sinks.Empty<Void> connected) {
		if ("connected".equals(event.comment())) {
			connected.tryEmitEmpty();
		}
		else if (event.is("allocation")) {
			Allocation allocation = this.json.readValue(event.data(), Allocation.class);
			this.current = allocation;
			this.allocations.tryEmitNext(allocation);
		}
		else if (event.is("backfill")) {
			grow(this.json.readValue(event.data(), Grown.class));
		}
		else if (event.is("allocation-expired")) {
			this.current = null;
		}
		this.events.tryEmitNext(event);
	}

	private void grow(Grown event) {
		Allocation current = this.current;
		if (current != null && current.matchId().equals(event.matchId())) {
			Allocation grown = new Allocation(current.matchId(), event.participants(), current.config(),
					current.startBy());
			this.current = grown;
			this.backfills.tryEmitNext(grown);
		}
	}

	/** What a {@code backfill} event says: the match's grown roster. */
	private record Grown(String matchId, List<Participant> participants, List<Participant> added) {
	}

}
