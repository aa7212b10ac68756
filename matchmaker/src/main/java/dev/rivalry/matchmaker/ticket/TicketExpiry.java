package dev.rivalry.matchmaker.ticket;

import java.time.Duration;

import dev.rivalry.matchmaker.system.MatchmakerProperties;
import dev.rivalry.tickets.TicketStore;
import dev.rivalry.tickets.TransitionResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;

/**
 * Moves tickets past their time to live to {@code EXPIRED} (publishing the change, so
 * their event streams end). Every instance sweeps; the move is one atomic script that only
 * applies to a {@code SEARCHING} ticket, so instances racing for one ticket are harmless
 * and none is special.
 */
class TicketExpiry implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(TicketExpiry.class);

	private final TicketStore tickets;

	private final MatchmakerProperties.Expiry settings;

	private final MeterRegistry registry;

	private volatile Disposable sweeping;

	TicketExpiry(TicketStore tickets, MatchmakerProperties.Expiry settings, MeterRegistry registry) {
		this.tickets = tickets;
		this.settings = settings;
		this.registry = registry;
	}

	/**
	 * Expires every ticket that is due, in batches.
	 * @return the number of tickets moved to {@code EXPIRED}
	 */
	Mono<Long> sweepOnce() {
		return this.tickets.dueForExpiry(this.settings.batch())
			.flatMap(this::expire, 16)
			.filter(Boolean::booleanValue)
			.count();
	}

	private Mono<Boolean> expire(String ticketId) {
		return this.tickets.expire(ticketId).flatMap((result) -> {
			if (result instanceof TransitionResult.Applied applied) {
				Counter.builder("rivalry.tickets.expired")
					.tag("profile", applied.snapshot().ticket().profile())
					.register(this.registry)
					.increment();
			}
			return this.tickets.forgetExpiry(ticketId).thenReturn(result instanceof TransitionResult.Applied);
		});
	}

	@Override
	public void start() {
		Duration interval = this.settings.interval();
		this.sweeping = Flux.interval(interval, interval)
			.onBackpressureDrop()
			// One policy: a failed sweep (Redis briefly away) is logged and the next tick
			// tries again; the schedule itself never ends on an error.
			.concatMap((tick) -> sweepOnce().onErrorResume((ex) -> {
				logger.warn("Ticket expiry sweep failed, retrying in {}: {}", interval, ex.toString());
				return Mono.empty();
			}), 0)
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable current = this.sweeping;
		if (current != null) {
			current.dispose();
		}
		this.sweeping = null;
	}

	@Override
	public boolean isRunning() {
		return this.sweeping != null;
	}

}
