package dev.rivalry.bench.load;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.rivalry.client.Ticket;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * A game back end following tickets on multi-ticket streams
 * ({@code GET /v1/tickets/events?ticket=…}): consecutive tickets are grouped by
 * {@code --tickets-per-stream}, and a group's stream opens once each of its tickets was
 * either created or refused (its first events are the current states, so a ticket created
 * earlier misses nothing). A stream that drops is opened again for the tickets still open.
 * Thread safe.
 */
final class StreamGroups {

	private final int size;

	private final long total;

	private final Http http;

	private final JsonMapper json;

	private final PlayerTokens tokens;

	private final List<URI> instances;

	private final Measurements measurements;

	private final Map<Long, Group> groups = new ConcurrentHashMap<>();

	/**
	 * @param size tickets per stream
	 * @param total tickets in the run (the last group may be smaller)
	 */
	StreamGroups(int size, long total, Http http, JsonMapper json, PlayerTokens tokens, List<URI> instances,
			Measurements measurements) {
		this.size = size;
		this.total = total;
		this.http = http;
		this.json = json;
		this.tokens = tokens;
		this.instances = instances;
		this.measurements = measurements;
	}

	/**
	 * @param index the ticket's place in the run
	 * @param ticketId the ticket, created
	 * @return its states after {@code SEARCHING} (proposals included), as the group's stream delivers them
	 */
	Flux<Ticket> follow(long index, String ticketId) {
		Sinks.Many<Ticket> states = Sinks.many().unicast().onBackpressureBuffer();
		Group group = groupOf(index);
		group.sinks.put(ticketId, states);
		arrived(index, group);
		return states.asFlux();
	}

	/** The ticket at {@code index} was not created: its group does not wait for it. */
	void skip(long index) {
		arrived(index, groupOf(index));
	}

	private Group groupOf(long index) {
		return this.groups.computeIfAbsent(index / this.size, (key) -> new Group());
	}

	private void arrived(long index, Group group) {
		long first = (index / this.size) * this.size;
		long members = Math.min(this.size, this.total - first);
		if (group.arrived.incrementAndGet() == members) {
			this.groups.remove(index / this.size);
			if (!group.sinks.isEmpty()) {
				open(group, (int) ((index / this.size) % this.instances.size()));
			}
		}
	}

	/** The group's stream, opened again on the next instance for what is still open when it drops. */
	private void open(Group group, int instance) {
		AtomicInteger attempts = new AtomicInteger(instance);
		Flux.defer(() -> this.tokens.backend()
			.flatMapMany((token) -> this.http.events(uri(attempts.getAndIncrement(), group.sinks.keySet()), token)))
			.filter((event) -> "ticket".equals(event.event()) && event.data() != null)
			.map((event) -> this.json.readValue(event.data(), Ticket.class))
			.filter(Predicate.not((ticket) -> "SEARCHING".equals(ticket.state())))
			.doOnNext((ticket) -> deliver(group, ticket))
			.doOnError((ex) -> this.measurements.error("stream:" + Failures.kind(ex)))
			.repeatWhen((ends) -> ends.takeWhile((end) -> !group.sinks.isEmpty()).delayElements(Duration.ofMillis(100)))
			.retryWhen(Retry.fixedDelay(120, Duration.ofMillis(250))
				.filter((ex) -> !(ex instanceof Http.Refused refused) || refused.status() == 503))
			.doFinally((signal) -> group.sinks.values().forEach(Sinks.Many::tryEmitComplete))
			.subscribe(null, (ex) -> {
			});
	}

	/** Hands the state to its ticket's follower; a terminal one ends the ticket in the group. */
	private static void deliver(Group group, Ticket ticket) {
		String id = ticket.id();
		Sinks.Many<Ticket> states = group.sinks.get(id);
		if (states == null) {
			return;
		}
		states.tryEmitNext(ticket);
		if (ticket.isTerminal()) {
			group.sinks.remove(id);
			states.tryEmitComplete();
		}
	}

	private URI uri(int attempt, Set<String> ticketIds) {
		List<String> ids = new ArrayList<>(ticketIds);
		return this.instances.get(attempt % this.instances.size())
			.resolve("/v1/tickets/events?" + ids.stream().map((id) -> "ticket=" + id).collect(Collectors.joining("&")));
	}

	private static final class Group {

		private final AtomicLong arrived = new AtomicLong();

		private final Map<String, Sinks.Many<Ticket>> sinks = new ConcurrentHashMap<>();

	}

}
