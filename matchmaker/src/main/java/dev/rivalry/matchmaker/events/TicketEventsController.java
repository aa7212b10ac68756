package dev.rivalry.matchmaker.events;

import java.time.Duration;
import java.util.List;

import dev.rivalry.matchmaker.identity.Caller;
import dev.rivalry.matchmaker.limits.TicketStreamCap;
import dev.rivalry.matchmaker.system.MatchmakerProperties;
import dev.rivalry.matchmaker.ticket.TicketProblems;
import dev.rivalry.matchmaker.ticket.TicketView;
import dev.rivalry.matchmaker.ticket.TicketViews;
import dev.rivalry.tickets.TicketSnapshot;
import dev.rivalry.web.EventStreams;
import dev.rivalry.web.InvalidRequestException;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /v1/tickets/{id}/events}: a ticket's states pushed as server-sent events named
 * {@code ticket}, the current one first, completing after a terminal state, with comment
 * heartbeats while idle. An unknown ticket is a 404 problem, sent before the stream starts.
 * A stopping instance ends its streams; clients reconnect and get the current state first.
 * A ticket has a few streams at most ({@link TicketStreamCap}); one more is a 429 problem.
 */
@RestController
class TicketEventsController {

	/**
	 * Tickets on one multi-ticket stream at most: a back end with more opens several. Bounds
	 * the reads a single request makes before its first event, and its query string.
	 */
	static final int MAX_TICKETS_PER_STREAM = 100;

	/** The header a reconnecting {@code EventSource} sends with the id of the last event it received. */
	static final String LAST_EVENT_ID = "Last-Event-ID";

	private final TicketEvents events;

	private final TicketViews views;

	private final StreamGauge streams;

	private final EventStreams live;

	private final TicketStreamCap cap;

	private final Duration heartbeat;

	TicketEventsController(TicketEvents events, TicketViews views, StreamGauge streams, EventStreams live,
			TicketStreamCap cap, MatchmakerProperties properties) {
		this.events = events;
		this.views = views;
		this.streams = streams;
		this.live = live;
		this.cap = cap;
		this.heartbeat = properties.heartbeat();
	}

	/**
	 * The caller is checked once, when the stream opens: a stream outlives its token (it runs
	 * to the ticket's end), a reconnection needs a valid one. A ticket's players never
	 * change, so a ticket that is not the caller's ends the stream at its first snapshot,
	 * answered like an unknown ticket. The stream takes its place among the ticket's streams
	 * only then, so a stranger can neither fill a ticket's places nor learn that they are full.
	 * <p>
	 * A client that reconnects with {@code Last-Event-ID} (the version its last event carried,
	 * as {@code EventSource} does by itself) gets only what is newer: the current state if it
	 * changed meanwhile, then the changes; a ticket that ended at that very event completes
	 * the stream with no event. A {@code Last-Event-ID} that is not a version is a 400 problem.
	 */
	@GetMapping(path = "/v1/tickets/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<TicketView>> events(@AuthenticationPrincipal Caller caller, @PathVariable String id,
			@RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventId) {
		long seen = versionOf(lastEventId);
		Flux<ServerSentEvent<TicketView>> states = this.events.follow(id)
			.takeWhile((snapshot) -> caller.mayRead(snapshot.ticket()))
			.transform((snapshots) -> capped(id, snapshots))
			.switchIfEmpty(Mono.error(() -> new TicketProblems.NotFound(id)))
			.filter((snapshot) -> snapshot.isNewerThan(seen))
			.map((snapshot) -> ServerSentEvent.builder(this.views.render(snapshot, caller))
				.event("ticket")
				.id(Long.toString(snapshot.version()))
				.build());
		return this.live.live(states, this.heartbeat).transform(this.streams::track);
	}

	/**
	 * {@code GET /v1/tickets/events?ticket=a&ticket=b}: the streams of several tickets on one
	 * response, for a client holding many (a game back end, a lobby), each ticket's events
	 * exactly as on its own stream, interleaved; it completes once every ticket has ended. The
	 * caller must be allowed to read every ticket: they are all read before the stream
	 * starts, and one that is unknown or not the caller's is a 404 problem for the whole
	 * request, before any event (so nothing is learnt about a stranger's ticket). Each event's
	 * id is {@code <ticket>/<version>}; {@code Last-Event-ID} is not used (it names one
	 * ticket's event), so a reconnection gets every ticket's current state first. Each ticket
	 * takes one of its places ({@link TicketStreamCap}) as on its own stream.
	 */
	@GetMapping(path = "/v1/tickets/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<TicketView>> events(@AuthenticationPrincipal Caller caller,
			@RequestParam(name = "ticket", required = false) List<String> ids) {
		List<String> tickets = distinctOrRefuse(ids);
		Flux<ServerSentEvent<TicketView>> states = Flux.fromIterable(tickets)
			.concatMap((id) -> this.events.current(id)
				.filter((snapshot) -> caller.mayRead(snapshot.ticket()))
				.switchIfEmpty(Mono.error(() -> new TicketProblems.NotFound(id))))
			.thenMany(Flux.fromIterable(tickets))
			.flatMap((id) -> capped(id, this.events.follow(id)), tickets.size())
			.map((snapshot) -> ServerSentEvent.builder(this.views.render(snapshot, caller))
				.event("ticket")
				.id(snapshot.ticket().id() + "/" + snapshot.version())
				.build());
		return this.live.live(states, this.heartbeat).transform(this.streams::track);
	}

	/** One ticket once, at least one and at most {@link #MAX_TICKETS_PER_STREAM}. */
	private static List<String> distinctOrRefuse(List<String> ids) {
		List<String> tickets = (ids != null) ? ids.stream().distinct().toList() : List.of();
		if (tickets.isEmpty() || tickets.size() > MAX_TICKETS_PER_STREAM) {
			throw new InvalidRequestException(List.of(new InvalidRequestException.FieldError("ticket",
					"name 1 to " + MAX_TICKETS_PER_STREAM + " tickets: ?ticket=<id>&ticket=<id>")));
		}
		return tickets;
	}

	/** The version a reconnecting client saw last; 0 (everything is new) without the header. */
	private static long versionOf(String lastEventId) {
		if (lastEventId == null || lastEventId.isBlank()) {
			return 0;
		}
		try {
			long version = Long.parseLong(lastEventId.trim());
			if (version >= 0) {
				return version;
			}
		}
		catch (NumberFormatException ex) {
			// Answered below: not an id this stream ever sent.
		}
		throw new InvalidRequestException(List.of(new InvalidRequestException.FieldError(LAST_EVENT_ID,
				"must be the id of an event of this stream (a ticket version, a whole number)")));
	}

	/** The first snapshot waits for the place, so a refusal comes before any event: a 429, not a broken stream. */
	private Flux<TicketSnapshot> capped(String ticketId, Flux<TicketSnapshot> snapshots) {
		return snapshots.switchOnFirst((first, all) -> first.hasValue() ? this.cap.hold(ticketId, all) : all);
	}

}
