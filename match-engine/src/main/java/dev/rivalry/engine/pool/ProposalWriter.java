package dev.rivalry.engine.pool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import dev.rivalry.engine.strategy.PoolTicket;
import dev.rivalry.tickets.Match;
import dev.rivalry.tickets.MatchOutcome;
import dev.rivalry.tickets.MatchProposal;
import dev.rivalry.tickets.TicketState;
import dev.rivalry.tickets.TicketStore;
import dev.rivalry.tickets.proposal.ProposalResult;
import dev.rivalry.tickets.proposal.ProposalState;
import dev.rivalry.tickets.proposal.ProposalStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;

/**
 * Proposes the matches of profiles with acceptance, and settles the pool when a proposal
 * ends. A proposal's tickets stay reserved in the pool meanwhile (their records hold the
 * low-water mark, so a crash replays them: see {@link #adopt}). It ends by a player's last
 * acceptance or a decline (written by a matchmaker and announced on the proposals channel,
 * see {@link #ended}) or by its deadline, which this instance applies itself when no
 * announcement came first (the same script: whoever is first decides, the others read the
 * result). Accepted: the tickets leave the pool as a formed match. Dropped: those back to
 * {@code SEARCHING} wait again with their original wait time, the others leave.
 */
class ProposalWriter implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ProposalWriter.class);

	/** Deadlines are applied a little late rather than early: the clocks of instances differ. */
	private static final Duration DEADLINE_SLACK = Duration.ofMillis(250);

	private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

	private final ProposalStore proposals;

	private final TicketStore tickets;

	private final MatchPublisher publisher;

	private final EngineMetrics metrics;

	private final Clock clock;

	private final Map<String, Held> held = new ConcurrentHashMap<>();

	private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "engine-proposal-deadlines");
		thread.setDaemon(true);
		return thread;
	});

	private final BiConsumer<PartitionPool, Pool> retry;

	/**
	 * @param retry called with a partition and pool when the pool should be tried again (its
	 * tickets wait again)
	 */
	ProposalWriter(ProposalStore proposals, TicketStore tickets, MatchPublisher publisher, EngineMetrics metrics,
			Clock clock, BiConsumer<PartitionPool, Pool> retry) {
		this.retry = retry;
		this.proposals = proposals;
		this.tickets = tickets;
		this.publisher = publisher;
		this.metrics = metrics;
		this.clock = clock;
	}

	/** Proposes a match whose tickets the pool reserved. */
	void write(PartitionPool partition, Pool pool, Match match, List<PoolTicket> proposed, Duration timeout) {
		List<String> ids = proposed.stream().map(PoolTicket::id).toList();
		this.proposals.propose(match, ids, timeout).subscribe((outcome) -> {
			if (outcome instanceof MatchOutcome.Proposed done) {
				MatchProposal proposal = done.proposal();
				this.held.put(proposal.id(), new Held(partition, pool, match, proposed, proposal.expiresAt()));
				this.metrics.proposed(pool.profile().name());
				scheduleDeadline(proposal.id(), proposal.expiresAt());
				return;
			}
			List<String> notSearching = ((MatchOutcome.Refused) outcome).ticketIds();
			partition.withPool(pool, (p) -> {
				p.refused(ids, notSearching);
				return null;
			}, null);
			this.metrics.refused(pool.profile().name());
			this.retry.accept(partition, pool);
		}, (ex) -> {
			logger.warn("Proposing match {} failed; its tickets wait again: {}", match.id(), ex.toString());
			partition.withPool(pool, (p) -> {
				p.refused(ids, List.of());
				return null;
			}, null);
			this.retry.accept(partition, pool);
		});
	}

	/**
	 * Takes over a proposal found while reading a partition again (a crash, a rebalance):
	 * its ticket waits reserved, and this instance watches its deadline.
	 */
	void adopt(PartitionPool partition, Pool pool, MatchProposal proposal, PoolTicket ticket) {
		this.held.compute(proposal.id(), (id, known) -> {
			// What an earlier owner of the partition (this instance before a rebalance) held is stale.
			boolean same = known != null && known.partition() == partition;
			List<PoolTicket> proposed = new ArrayList<>(same ? known.tickets() : List.of());
			if (proposed.stream().noneMatch((held) -> held.id().equals(ticket.id()))) {
				proposed.add(ticket);
			}
			return new Held(partition, pool, null, proposed, proposal.expiresAt());
		});
		scheduleDeadline(proposal.id(), proposal.expiresAt());
	}

	/**
	 * A proposal ended (announced, or found ended at its deadline): settles its pool.
	 * Idempotent: only the first call for a proposal this instance holds has an effect.
	 */
	void ended(ProposalResult result) {
		if (result.isOpen()) {
			return;
		}
		Held proposal = this.held.remove(result.proposalId());
		if (proposal == null) {
			return;
		}
		List<String> ids = proposal.tickets().stream().map(PoolTicket::id).toList();
		String profile = proposal.pool().profile().name();
		if (result.state() == ProposalState.ACCEPTED) {
			proposal.partition().withPool(proposal.pool(), (p) -> {
				p.formed(ids);
				return null;
			}, null);
			this.metrics.accepted(profile);
			this.metrics.formed(profile, proposal.tickets(), this.clock.instant());
			matchOf(proposal, ids).subscribe((match) -> this.publisher.publish(match, proposal.pool().key()),
					(ex) -> logger.warn("Reading accepted match of proposal {} failed: {}", result.proposalId(),
							ex.toString()));
			return;
		}
		List<String> left = ids.stream()
			.filter((id) -> result.outcome().get(id) != TicketState.SEARCHING)
			.toList();
		proposal.partition().withPool(proposal.pool(), (p) -> {
			p.refused(ids, left);
			return null;
		}, null);
		this.metrics.dropped(profile);
		this.retry.accept(proposal.partition(), proposal.pool());
	}

	private Mono<Match> matchOf(Held proposal, List<String> ids) {
		if (proposal.match() != null) {
			return Mono.just(proposal.match());
		}
		return this.tickets.find(ids.get(0)).mapNotNull((snapshot) -> snapshot.match());
	}

	private void scheduleDeadline(String proposalId, Instant expiresAt) {
		long delay = Math.max(Duration.between(this.clock.instant(), expiresAt).plus(DEADLINE_SLACK).toMillis(), 0);
		this.deadlines.schedule(() -> applyDeadline(proposalId), delay, TimeUnit.MILLISECONDS);
	}

	private void applyDeadline(String proposalId) {
		Held proposal = this.held.get(proposalId);
		if (proposal == null) {
			return;
		}
		this.proposals.expire(proposalId)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.subscribe((result) -> {
				if (result.isEmpty()) {
					forget(proposalId);
				}
				else if (result.get().isOpen()) {
					scheduleDeadline(proposalId, this.clock.instant().plus(RETRY_AFTER_FAILURE));
				}
				else {
					ended(result.get());
				}
			}, (ex) -> {
				logger.warn("Applying the deadline of proposal {} failed; trying again: {}", proposalId,
						ex.toString());
				scheduleDeadline(proposalId, this.clock.instant().plus(RETRY_AFTER_FAILURE));
			});
	}

	/** Gone from Redis (past its retention): its tickets were settled long ago, by others. */
	private void forget(String proposalId) {
		Held gone = this.held.remove(proposalId);
		if (gone != null) {
			logger.warn("Proposal {} is no longer in Redis; its tickets leave this pool", proposalId);
			List<String> ids = gone.tickets().stream().map(PoolTicket::id).toList();
			gone.partition().withPool(gone.pool(), (p) -> {
				p.refused(ids, ids);
				return null;
			}, null);
		}
	}

	/** Proposals held, for the pools' view. */
	int heldCount() {
		return this.held.size();
	}

	@Override
	public void destroy() {
		this.deadlines.shutdownNow();
	}

	/**
	 * A proposal this instance holds the tickets of.
	 * @param match the match it becomes, or {@code null} when adopted on a replay
	 */
	private record Held(PartitionPool partition, Pool pool, Match match, List<PoolTicket> tickets, Instant expiresAt) {
	}

}
