package dev.rivalry.engine.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.rivalry.engine.strategy.PoolTicket;
import dev.rivalry.profiles.MatchProfiles;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The engine's meters: matches formed and refused, time from ticket to match (a
 * histogram, so percentiles aggregate across instances), tickets and pools held, and pools
 * evicted. Every meter is tagged by profile at most, never by pool: pool keys come from
 * clients, and a meter per key would grow as the pools once did.
 */
public class EngineMetrics {

	private final MeterRegistry registry;

	public EngineMetrics(MeterRegistry registry, MatchProfiles profiles, PoolRegistry pools) {
		this.registry = registry;
		profiles.all()
			.forEach((profile) -> Gauge.builder("rivalry.engine.pool.tickets", pools, (p) -> p.size(profile.name()))
				.description("Tickets held in this instance's pools")
				.tag("profile", profile.name())
				.register(registry));
		profiles.all()
			.forEach((profile) -> Gauge.builder("rivalry.engine.pools", pools, (p) -> p.pools(profile.name()))
				.description("Pools held by this instance, empty ones until they are evicted")
				.tag("profile", profile.name())
				.register(registry));
	}

	void evicted(String profile, int pools) {
		Counter.builder("rivalry.engine.pools.evicted")
			.description("Pools evicted after staying empty for the grace period")
			.tag("profile", profile)
			.register(this.registry)
			.increment(pools);
	}

	void formed(String profile, List<PoolTicket> tickets, Instant at) {
		Counter.builder("rivalry.engine.matches").tag("profile", profile).register(this.registry).increment();
		Timer timeToMatch = Timer.builder("rivalry.engine.time.to.match")
			.description("From ticket creation to its match being written")
			.tag("profile", profile)
			.publishPercentileHistogram()
			.register(this.registry);
		for (PoolTicket ticket : tickets) {
			timeToMatch.record(Duration.between(ticket.enqueuedAt(), at));
		}
	}

	void backfilled(String profile, List<PoolTicket> tickets, Instant openedAt, Instant at) {
		Counter.builder("rivalry.engine.backfill.fills")
			.description("Backfill fills written (each moves one or more tickets into a running match)")
			.tag("profile", profile)
			.register(this.registry)
			.increment();
		Counter.builder("rivalry.engine.backfill.players")
			.description("Players moved into running matches by backfills")
			.tag("profile", profile)
			.register(this.registry)
			.increment(tickets.stream().mapToInt(PoolTicket::size).sum());
		Timer.builder("rivalry.engine.backfill.time.to.fill")
			.description("From a backfill's opening to a fill of it being written")
			.tag("profile", profile)
			.publishPercentileHistogram()
			.register(this.registry)
			.record(Duration.between(openedAt, at));
	}

	void proposed(String profile) {
		proposals(profile, "proposed");
	}

	void accepted(String profile) {
		proposals(profile, "accepted");
	}

	void dropped(String profile) {
		proposals(profile, "dropped");
	}

	/** Proposals by what happened to them: every one proposed ends accepted or dropped. */
	private void proposals(String profile, String event) {
		Counter.builder("rivalry.engine.proposals")
			.description("Proposed matches (profiles with acceptance), by event: proposed, accepted, dropped")
			.tag("profile", profile)
			.tag("event", event)
			.register(this.registry)
			.increment();
	}

	void refused(String profile) {
		Counter.builder("rivalry.engine.matches.refused")
			.description("Proposals not written because a ticket was no longer searching")
			.tag("profile", profile)
			.register(this.registry)
			.increment();
	}

}
