package dev.rivalry.engine.pool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.rivalry.engine.strategy.BackfillFill;
import dev.rivalry.engine.strategy.BackfillFit;
import dev.rivalry.engine.strategy.MatchingStrategy;
import dev.rivalry.engine.strategy.OpenBackfill;
import dev.rivalry.engine.strategy.PoolPlan;
import dev.rivalry.engine.strategy.PoolTicket;
import dev.rivalry.engine.strategy.Proposal;
import dev.rivalry.engine.strategy.Strategies;
import dev.rivalry.profiles.PoolKey;
import dev.rivalry.profiles.Profile;
import dev.rivalry.tickets.Match;
import dev.rivalry.tickets.MatchOutcome;
import dev.rivalry.tickets.MatchProposal;
import dev.rivalry.tickets.TicketIds;
import dev.rivalry.tickets.TicketStore;
import dev.rivalry.tickets.backfill.BackfillStore;
import dev.rivalry.tickets.proposal.ProposalResult;
import dev.rivalry.tickets.proposal.ProposalStore;
import dev.rivalry.tokens.Participant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * Forms matches from pools as soon as they can: a pool that gains tickets is tried after
 * its profile's batching window (so a burst is matched together), and a pool that could
 * not match everything is tried again when the strategy says its constraints widen or a
 * ticket expires. There is no global cycle: each profile has its own thread, so a slow
 * profile never delays another.
 * <p>
 * A proposal's tickets are reserved in the pool, then moved {@code SEARCHING -> MATCHED}
 * in one Redis script; if any was cancelled or expired meanwhile, nothing is written, those
 * leave the pool and the others wait again. A profile with acceptance moves them to
 * {@code PROPOSED} instead, and they stay reserved until the proposal ends
 * ({@link ProposalWriter}).
 */
public class PoolMatcher implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(PoolMatcher.class);

	private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

	private static final String REGION = "region";

	private final TicketStore store;

	private final MatchPublisher publisher;

	private final EngineMetrics metrics;

	private final Clock clock;

	private final Map<String, ScheduledExecutorService> threads = new ConcurrentHashMap<>();

	/** By profile version, not name: a reloaded profile may name another strategy. */
	private final Map<Profile, MatchingStrategy> strategies = new ConcurrentHashMap<>();

	private final BackfillWriter backfills;

	private final ProposalWriter proposals;

	public PoolMatcher(TicketStore store, BackfillStore backfills, ProposalStore proposals, MatchPublisher publisher,
			EngineMetrics metrics, Clock clock) {
		this.store = store;
		this.backfills = new BackfillWriter(backfills, metrics, clock);
		this.proposals = new ProposalWriter(proposals, store, publisher, metrics, clock,
				(part, p) -> schedule(part, p, Duration.ZERO));
		this.publisher = publisher;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * A proposal ended (a matchmaker announced it): its tickets leave the pool as a match, or
	 * wait again.
	 */
	public void proposalEnded(ProposalResult result) {
		this.proposals.ended(result);
	}

	/** A ticket read again (a replay) is in an open proposal: wait for its end. */
	void adoptProposed(PartitionPool partition, Pool pool, MatchProposal proposal, PoolTicket ticket) {
		this.proposals.adopt(partition, pool, proposal, ticket);
	}

	/** A pool gained tickets: try it once its profile's batching window has passed. */
	void poolChanged(PartitionPool partition, Pool pool) {
		schedule(partition, pool, pool.profile().batchWindow());
	}

	private void schedule(PartitionPool partition, Pool pool, Duration delay) {
		Instant at = this.clock.instant().plus(delay);
		if (Boolean.TRUE.equals(partition.withPool(pool, (p) -> p.scheduleAt(at), false))) {
			threadOf(pool.profile()).schedule(() -> attempt(partition, pool), Math.max(delay.toMillis(), 0),
					TimeUnit.MILLISECONDS);
		}
	}

	private void attempt(PartitionPool partition, Pool pool) {
		try {
			Instant now = this.clock.instant();
			List<OpenBackfill> open = new ArrayList<>();
			List<PoolTicket> waiting = partition.withPool(pool, (p) -> {
				p.clearScheduled();
				p.dropExpired(now);
				p.openBackfills(now).forEach((entry) -> open.add(entry.open()));
				return p.waitingTickets();
			}, List.of());
			if (waiting.isEmpty()) {
				return;
			}
			Profile profile = pool.profile();
			MatchingStrategy strategy = strategyOf(profile);
			PoolPlan plan = PoolPlan.of(profile, strategy, open, waiting, now);
			for (BackfillFill fill : plan.fills()) {
				if (Boolean.TRUE.equals(partition.withPool(pool,
						(p) -> p.reserveFill(fill.backfill().id(), fill.tickets()), false))) {
					this.backfills.write(partition, pool, fill, (part, p) -> schedule(part, p, Duration.ZERO));
				}
			}
			for (Proposal proposal : plan.proposals()) {
				if (Boolean.TRUE.equals(partition.withPool(pool, (p) -> p.reserve(proposal.tickets()), false))) {
					if (profile.acceptance() != null) {
						this.proposals.write(partition, pool, matchOf(pool, proposal, now), proposal.tickets(),
								profile.acceptance().timeout());
					}
					else {
						write(partition, pool, proposal, now);
					}
				}
			}
			nextAttempt(partition, pool, strategy, now).ifPresent((at) -> schedule(partition, pool, Duration.between(now, at)));
		}
		catch (RuntimeException ex) {
			// One policy for the matcher thread: a failed attempt is logged and the pool is
			// tried again shortly; the thread itself must survive every error.
			logger.error("Matching pool {}/{} failed; trying again in {}", pool.profile().name(), pool.key(),
					RETRY_AFTER_FAILURE, ex);
			schedule(partition, pool, RETRY_AFTER_FAILURE);
		}
	}

	private Optional<Instant> nextAttempt(PartitionPool partition, Pool pool, MatchingStrategy strategy, Instant now) {
		return partition.withPool(pool, (p) -> {
			List<PoolTicket> waiting = p.waitingTickets();
			Optional<Instant> widens = strategy.nextChance(p.profile(), waiting, now);
			if (p.backfillCount() > 0) {
				// a ticket too young for the backfills may become old enough first
				widens = earliest(widens, BackfillFit.nextEligible(waiting, now, p.profile().backfillPriority()));
			}
			return earliest(widens, p.earliestExpiry());
		}, Optional.empty());
	}

	private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
		if (a.isEmpty()) {
			return b;
		}
		return b.filter((at) -> at.isBefore(a.get())).or(() -> a);
	}

	private void write(PartitionPool partition, Pool pool, Proposal proposal, Instant now) {
		Match match = matchOf(pool, proposal, now);
		List<String> ids = proposal.tickets().stream().map(PoolTicket::id).toList();
		this.store.match(match, ids).subscribe((outcome) -> settle(partition, pool, proposal, match, outcome),
				(ex) -> {
					logger.warn("Writing match {} failed; its tickets wait again: {}", match.id(), ex.toString());
					partition.withPool(pool, (p) -> {
						p.refused(ids, List.of());
						return null;
					}, null);
					schedule(partition, pool, RETRY_AFTER_FAILURE);
				});
	}

	private void settle(PartitionPool partition, Pool pool, Proposal proposal, Match match, MatchOutcome outcome) {
		List<String> ids = proposal.tickets().stream().map(PoolTicket::id).toList();
		if (outcome instanceof MatchOutcome.Refused refused) {
			partition.withPool(pool, (p) -> {
				p.refused(ids, refused.ticketIds());
				return null;
			}, null);
			this.metrics.refused(pool.profile().name());
			schedule(partition, pool, Duration.ZERO);
			return;
		}
		partition.withPool(pool, (p) -> {
			p.formed(ids);
			return null;
		}, null);
		this.metrics.formed(pool.profile().name(), proposal.tickets(), match.createdAt());
		this.publisher.publish(match, pool.key());
	}

	private static Match matchOf(Pool pool, Proposal proposal, Instant now) {
		Profile profile = pool.profile();
		List<Participant> participants = new ArrayList<>();
		for (int team = 0; team < proposal.teams().size(); team++) {
			for (PoolTicket ticket : proposal.teams().get(team)) {
				for (var player : ticket.players()) {
					participants.add(new Participant(player.id(), team));
				}
			}
		}
		String region = regionOf(pool, proposal);
		double ratings = 0;
		int players = 0;
		for (PoolTicket ticket : proposal.tickets()) {
			ratings += ticket.rating() * ticket.size();
			players += ticket.size();
		}
		// The match id carries the pool's hash tag, so the match is stored in the pool's slot;
		// the pool and the rating are what a backfill of it needs.
		return new Match(TicketIds.newId(profile.name(), pool.key()), profile.name(), participants,
				configOf(profile, region), profile.game(), region, now, pool.key(), ratings / players, false);
	}

	/**
	 * Where the match is played: the region chosen from the players' latencies, else the
	 * pool itself when the profile pools tickets by their {@code region} attribute.
	 */
	private static String regionOf(Pool pool, Proposal proposal) {
		if (proposal.region() != null) {
			return proposal.region();
		}
		PoolKey poolKey = pool.profile().poolKey();
		boolean pooledByRegion = poolKey != null && REGION.equals(poolKey.attribute().name())
				&& !Profile.DEFAULT_POOL.equals(pool.key());
		return pooledByRegion ? pool.key() : null;
	}

	/** The profile's config, with the region added: the serverlist allocates by {@code config.region}. */
	private static Map<String, Object> configOf(Profile profile, String region) {
		if (region == null) {
			return profile.config();
		}
		Map<String, Object> config = new LinkedHashMap<>(profile.config());
		config.put(REGION, region);
		return config;
	}

	private MatchingStrategy strategyOf(Profile profile) {
		return this.strategies.computeIfAbsent(profile, Strategies::forProfile);
	}

	private ScheduledExecutorService threadOf(Profile profile) {
		return this.threads.computeIfAbsent(profile.name(), (name) -> Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "engine-" + name);
			thread.setDaemon(true);
			return thread;
		}));
	}

	@Override
	public void destroy() {
		this.threads.values().forEach(ScheduledExecutorService::shutdownNow);
		this.proposals.destroy();
	}

}
