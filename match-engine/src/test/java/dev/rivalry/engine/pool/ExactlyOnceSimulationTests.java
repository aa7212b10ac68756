package dev.rivalry.engine.pool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import dev.rivalry.engine.strategy.MatchingStrategy;
import dev.rivalry.engine.strategy.PoolPlayer;
import dev.rivalry.engine.strategy.PoolTicket;
import dev.rivalry.engine.strategy.Proposal;
import dev.rivalry.engine.strategy.Strategies;
import dev.rivalry.profiles.MatchProfiles;
import dev.rivalry.profiles.Profile;
import dev.rivalry.profiles.ProfilesLoader;
import dev.rivalry.testsupport.redis.RedisConnections;
import dev.rivalry.tickets.Match;
import dev.rivalry.tickets.MatchOutcome;
import dev.rivalry.tickets.Ticket;
import dev.rivalry.tickets.TicketCodec;
import dev.rivalry.tickets.TicketIds;
import dev.rivalry.tickets.TicketKeys;
import dev.rivalry.tickets.TicketSnapshot;
import dev.rivalry.tickets.TicketState;
import dev.rivalry.tickets.TicketStore;
import dev.rivalry.tokens.Participant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of random steps, fixed seeds, real Redis: tickets are created, cancelled (with
 * or without the cancel record reaching the engine), expired, matched by the real
 * strategy through the real pool and the one match script, empty pools are evicted, and
 * the engine crashes and rebuilds its pools by replaying the partition's log from its
 * low-water mark.
 * <p>
 * Invariants: no ticket in two matches; no cancelled or expired ticket matched; no
 * searching ticket forgotten (after every crash and at the end, every ticket still
 * searching in Redis is in the pool, and the low-water mark is not past it).
 */
class ExactlyOnceSimulationTests {

	@RegisterExtension
	static final RedisConnections redis = RedisConnections.scoped("sim-" + UUID.randomUUID() + ":");

	static TicketStore store;

	static final Profile PROFILE = profile();

	static final MatchingStrategy STRATEGY = Strategies.forProfile(PROFILE);

	@BeforeAll
	static void createStore() {
		store = new TicketStore(redis.template(), new TicketKeys(redis.keyPrefix()),
				new TicketCodec(JsonMapper.builder().build()), Clock.systemUTC(), Duration.ofHours(1), Duration.ofHours(1));
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 7, 42, 2026 })
	void interleavedCreatesCancelsExpiriesMatchesAndCrashesKeepEveryTicketInOneMatchAtMost(long seed) {
		Simulation simulation = new Simulation(new Random(seed));
		for (int step = 0; step < 2500; step++) {
			simulation.step();
		}
		simulation.drain();
		simulation.assertInvariants();
		assertThat(simulation.formed).as("matches formed").isNotEmpty();
		assertThat(simulation.crashes).as("crashes simulated").isPositive();
		assertThat(simulation.evicted).as("empty pools evicted").isPositive();
	}

	/** The engine's side of one partition, and the log it reads. */
	static final class Simulation {

		final Random random;

		final List<Object> log = new ArrayList<>();

		final Map<String, Ticket> tickets = new HashMap<>();

		final Map<String, String> formed = new HashMap<>();

		/** What the simulation wrote to Redis, for choosing steps; the assertions read Redis itself. */
		final Map<String, TicketState> written = new HashMap<>();

		final Map<String, Long> offsets = new HashMap<>();

		PartitionPool partition = new PartitionPool("rivalry.tickets.sim", 0, PROFILE);

		int crashes;

		int evicted;

		Simulation(Random random) {
			this.random = random;
		}

		void step() {
			int dice = this.random.nextInt(100);
			if (dice < 40) {
				create();
			}
			else if (dice < 52) {
				cancel();
			}
			else if (dice < 58) {
				expire();
			}
			else if (dice < 94) {
				matchSomePool();
			}
			else if (dice < 97) {
				this.evicted += this.partition.evictEmpty(Instant.now(), Duration.ZERO);
			}
			else {
				crash();
			}
		}

		void create() {
			String pool = "p" + this.random.nextInt(3);
			Instant now = Instant.now();
			Ticket ticket = new Ticket(TicketIds.newId(PROFILE.name(), pool), PROFILE.name(), pool,
					List.of(new Ticket.Player("player-" + UUID.randomUUID())), Map.of(), Map.of(), now,
					now.plus(Duration.ofHours(1)));
			store.create(ticket).block();
			this.tickets.put(ticket.id(), ticket);
			this.written.put(ticket.id(), TicketState.SEARCHING);
			long offset = append(ticket);
			this.offsets.put(ticket.id(), offset);
			apply(offset);
		}

		void cancel() {
			searching().stream().skip(pick(searching().size())).findFirst().ifPresent((id) -> {
				store.cancel(id).block();
				this.written.put(id, TicketState.CANCELLED);
				if (this.random.nextBoolean()) {
					apply(append(new Cancel(id)));
				}
			});
		}

		void expire() {
			searching().stream().skip(pick(searching().size())).findFirst().ifPresent((id) -> {
				store.expire(id).block();
				this.written.put(id, TicketState.EXPIRED);
			});
		}

		void matchSomePool() {
			List<Pool> pools = new ArrayList<>(this.partition.pools());
			if (pools.isEmpty()) {
				return;
			}
			attempt(pools.get(this.random.nextInt(pools.size())));
		}

		/** What the matcher does: form, reserve, write in one script, settle. */
		void attempt(Pool pool) {
			List<PoolTicket> waiting = this.partition.withPool(pool, Pool::waitingTickets, List.of());
			for (Proposal proposal : STRATEGY.form(PROFILE, waiting, Instant.now())) {
				if (!this.partition.withPool(pool, (p) -> p.reserve(proposal.tickets()), false)) {
					continue;
				}
				List<String> ids = proposal.tickets().stream().map(PoolTicket::id).toList();
				Match match = matchOf(proposal);
				MatchOutcome outcome = store.match(match, ids).block();
				if (outcome instanceof MatchOutcome.Refused refused) {
					this.partition.withPool(pool, (p) -> {
						p.refused(ids, refused.ticketIds());
						return null;
					}, null);
				}
				else {
					for (String id : ids) {
						assertThat(this.formed.put(id, match.id())).as("ticket %s matched twice", id).isNull();
						this.written.put(id, TicketState.MATCHED);
					}
					this.partition.withPool(pool, (p) -> {
						p.formed(ids);
						return null;
					}, null);
				}
			}
		}

		/** The engine dies: a successor replays the log from the committed low-water mark. */
		void crash() {
			this.crashes++;
			long from = this.partition.lowWaterMark().orElse(0);
			this.partition.close();
			this.partition = new PartitionPool("rivalry.tickets.sim", 0, PROFILE);
			for (long offset = from; offset < this.log.size(); offset++) {
				apply(offset);
			}
			assertNoSearchingTicketForgotten();
		}

		void drain() {
			for (Pool pool : this.partition.pools()) {
				attempt(pool);
			}
		}

		long append(Object record) {
			this.log.add(record);
			return this.log.size() - 1;
		}

		/**
		 * What the intake does with one record: only searching tickets enter the pool (the
		 * intake reads the state from Redis; the simulation knows what it wrote there).
		 */
		void apply(long offset) {
			Object record = this.log.get((int) offset);
			if (record instanceof Ticket ticket && this.written.get(ticket.id()) == TicketState.SEARCHING) {
				PoolTicket entry = new PoolTicket(ticket.id(),
						List.of(new PoolPlayer(ticket.players().get(0).id(), 1500)), Map.of(), ticket.createdAt());
				this.partition.add(ticket.pool(), new PoolEntry(entry, offset, ticket.expiresAt()));
			}
			else if (record instanceof Cancel cancel) {
				this.partition.removeEverywhere(cancel.ticketId());
			}
			this.partition.advance(offset);
		}

		void assertInvariants() {
			Set<String> matchIds = new HashSet<>();
			for (Ticket ticket : this.tickets.values()) {
				TicketSnapshot snapshot = store.find(ticket.id()).block();
				assertThat(snapshot.state()).as("state of %s", ticket.id()).isEqualTo(this.written.get(ticket.id()));
				if (snapshot.state() == TicketState.MATCHED) {
					assertThat(this.formed).as("matched ticket %s was formed by the engine", ticket.id())
						.containsEntry(ticket.id(), snapshot.match().id());
					matchIds.add(snapshot.match().id());
				}
				else {
					assertThat(this.formed).as("%s ticket %s in a match", snapshot.state(), ticket.id())
						.doesNotContainKey(ticket.id());
				}
			}
			assertThat(this.formed.values()).containsAll(matchIds);
			assertNoSearchingTicketForgotten();
		}

		void assertNoSearchingTicketForgotten() {
			Set<String> pooled = new HashSet<>();
			this.partition.pools().forEach((pool) -> this.partition.withPool(pool, (p) -> {
				p.waitingTickets().forEach((ticket) -> pooled.add(ticket.id()));
				return null;
			}, null));
			OptionalLong mark = this.partition.lowWaterMark();
			for (String id : searching()) {
				assertThat(pooled).as("searching ticket %s is in its pool", id).contains(id);
				assertThat(mark.orElse(0)).as("low-water mark not past %s", id)
					.isLessThanOrEqualTo(this.offsets.get(id));
			}
		}

		private List<String> searching() {
			return this.written.entrySet()
				.stream()
				.filter((entry) -> entry.getValue() == TicketState.SEARCHING)
				.map(Map.Entry::getKey)
				.sorted()
				.toList();
		}

		private long pick(int size) {
			return (size == 0) ? 0 : this.random.nextInt(size);
		}

		private Match matchOf(Proposal proposal) {
			List<Participant> participants = new ArrayList<>();
			for (int team = 0; team < proposal.teams().size(); team++) {
				for (PoolTicket ticket : proposal.teams().get(team)) {
					participants.add(new Participant(ticket.players().get(0).id(), team));
				}
			}
			String pool = this.tickets.get(proposal.tickets().get(0).id()).pool();
			return new Match(TicketIds.newId(PROFILE.name(), pool), PROFILE.name(), participants, Map.of(), null, null,
					Instant.now());
		}

	}

	record Cancel(String ticketId) {
	}

	private static Profile profile() {
		MatchProfiles profiles = ProfilesLoader.parse("simulation.yml", """
				profiles:
				  - name: sim
				    teams: { count: 2, size: 1 }
				    strategy: { type: first-come }
				    pool-key: pool
				""");
		return profiles.all().get(0);
	}

}
