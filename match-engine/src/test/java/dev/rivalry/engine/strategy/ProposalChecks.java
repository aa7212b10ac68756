package dev.rivalry.engine.strategy;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.rivalry.profiles.Profile;
import dev.rivalry.profiles.Strategy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every proposal must satisfy, checked with the profile's own helpers (not the
 * strategies' compiled copies): exact team sizes, whole parties, each ticket at most once
 * and from the pool, the rating spread of the match's oldest ticket, every ticket's
 * latency bound in the chosen region, and the lowest worst latency among the regions.
 */
final class ProposalChecks {

	private ProposalChecks() {
	}

	static void assertValid(Profile profile, List<PoolTicket> waiting, List<Proposal> proposals, Instant now) {
		Set<PoolTicket> pool = Collections.newSetFromMap(new IdentityHashMap<>());
		pool.addAll(waiting);
		Set<PoolTicket> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Proposal proposal : proposals) {
			assertThat(proposal.teams()).as("teams of %s", proposal).hasSize(profile.teams().count());
			for (List<PoolTicket> team : proposal.teams()) {
				assertThat(team.stream().mapToInt(PoolTicket::size).sum()).as("players of a team in %s", proposal)
					.isEqualTo(profile.teams().size());
				for (PoolTicket ticket : team) {
					assertThat(pool).as("pool").contains(ticket);
					assertThat(seen.add(ticket)).as("%s is in one proposal only", ticket.id()).isTrue();
				}
			}
			if (profile.strategy() instanceof Strategy.Rating) {
				assertWithinSpread(profile, proposal, now);
			}
			assertRegion(profile, proposal, now);
		}
	}

	/** The rating range is within the spread of the match's oldest ticket. */
	private static void assertWithinSpread(Profile profile, Proposal proposal, Instant now) {
		List<PoolTicket> tickets = proposal.tickets();
		double low = tickets.stream().mapToDouble(PoolTicket::rating).min().orElseThrow();
		double high = tickets.stream().mapToDouble(PoolTicket::rating).max().orElseThrow();
		double allowed = tickets.stream()
			.mapToDouble((ticket) -> profile.ratingSpreadAfter(waited(ticket, now)))
			.max()
			.orElseThrow();
		assertThat(high - low).as("rating range of %s", proposal).isLessThanOrEqualTo(allowed + 1e-9);
	}

	private static void assertRegion(Profile profile, Proposal proposal, Instant now) {
		List<PoolTicket> measured = proposal.tickets().stream().filter((ticket) -> !ticket.latencies().isEmpty()).toList();
		if (profile.strategy().region() == null || measured.isEmpty()) {
			assertThat(proposal.region()).as("region of %s", proposal).isNull();
			return;
		}
		assertThat(proposal.region()).as("region of %s", proposal).isNotNull();
		long chosen = worst(profile, measured, proposal.region(), now).orElseThrow(
				() -> new AssertionError("region " + proposal.region() + " is not acceptable to every ticket of " + proposal));
		Set<String> regions = new TreeSet<>();
		measured.forEach((ticket) -> regions.addAll(ticket.latencies().keySet()));
		for (String region : regions) {
			worst(profile, measured, region, now).ifPresent((other) -> assertThat(chosen)
				.as("worst latency in %s against %s in %s", proposal.region(), other, region)
				.isLessThanOrEqualTo(other));
		}
	}

	/** @return the worst latency in the region, or empty when a ticket does not accept it */
	private static Optional<Long> worst(Profile profile, List<PoolTicket> measured, String region, Instant now) {
		long worst = 0;
		for (PoolTicket ticket : measured) {
			Integer latency = ticket.latencies().get(region);
			Duration bound = profile.maxLatencyAfter(waited(ticket, now)).orElseThrow();
			if (latency == null || Duration.ofMillis(latency).compareTo(bound) > 0) {
				return Optional.empty();
			}
			worst = Math.max(worst, latency);
		}
		return Optional.of(worst);
	}

	static Duration waited(PoolTicket ticket, Instant now) {
		Duration waited = Duration.between(ticket.enqueuedAt(), now);
		return waited.isNegative() ? Duration.ZERO : waited;
	}

}
