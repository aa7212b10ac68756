package dev.rivalry.engine.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.rivalry.engine.strategy.PoolPlayer;
import dev.rivalry.engine.strategy.PoolTicket;
import dev.rivalry.profiles.MatchProfiles;
import dev.rivalry.profiles.ProfilesLoader;
import dev.rivalry.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Empty pools are evicted after the grace period, on a clock the test moves: only pools
 * with no ticket waiting and none being written into a match, never moving the low-water
 * mark; a ticket arriving later creates the pool afresh, and a matcher still holding the
 * evicted pool finds it closed.
 */
class PoolEvictionTests {

	private static final Duration GRACE = Duration.ofMinutes(2);

	private static final MatchProfiles PROFILES = ProfilesLoader.parse("eviction.yml", """
			profiles:
			  - name: duel
			    teams: { count: 2, size: 1 }
			    strategy: { type: first-come }
			    pool-key: region
			""");

	private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T12:00:00Z"));

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final PoolRegistry registry = new PoolRegistry();

	private final PoolEviction eviction = new PoolEviction(this.registry,
			new EngineMetrics(this.meters, PROFILES, this.registry), this.clock, GRACE, Duration.ofSeconds(15));

	private final PartitionPool partition = this.registry.assign("rivalry.tickets.duel", 0, PROFILES.all().get(0));

	private long offset;

	@Test
	void aPoolEmptyForTheGracePeriodIsEvictedAndLeavesTheListing() {
		String ticket = admit("eu");
		cancel(ticket);
		this.eviction.sweep();
		this.clock.advance(GRACE.minusMillis(1));
		this.eviction.sweep();
		assertThat(listed()).containsExactly("eu");
		assertThat(poolsGauge()).isOne();

		this.clock.advance(Duration.ofMillis(1));
		this.eviction.sweep();

		assertThat(listed()).isEmpty();
		assertThat(poolsGauge()).isZero();
		assertThat(this.meters.get("rivalry.engine.pools.evicted").tag("profile", "duel").counter().count()).isOne();
	}

	@Test
	void theGraceIsCountedFromTheFirstSweepThatFindsThePoolEmpty() {
		cancel(admit("eu"));
		this.clock.advance(GRACE.multipliedBy(10));
		this.eviction.sweep();
		assertThat(listed()).containsExactly("eu");
		this.clock.advance(GRACE);
		this.eviction.sweep();
		assertThat(listed()).isEmpty();
	}

	@Test
	void aTicketArrivingDuringTheGraceStartsTheWaitAgain() {
		cancel(admit("eu"));
		this.eviction.sweep();
		this.clock.advance(GRACE.minusSeconds(1));
		cancel(admit("eu"));
		this.clock.advance(Duration.ofSeconds(1));
		this.eviction.sweep();
		assertThat(listed()).as("emptied again, but only now seen empty").containsExactly("eu");
		this.clock.advance(GRACE);
		this.eviction.sweep();
		assertThat(listed()).isEmpty();
	}

	@Test
	void aPoolWithTicketsWaitingOrBeingWrittenIntoAMatchIsKept() {
		admit("waiting");
		String a = admit("writing");
		String b = admit("writing");
		Pool writing = pool("writing");
		assertThat(this.partition.withPool(writing, (p) -> p.reserve(p.waitingTickets()), false)).isTrue();
		for (int sweep = 0; sweep < 3; sweep++) {
			this.eviction.sweep();
			this.clock.advance(GRACE);
		}
		assertThat(listed()).containsExactly("waiting", "writing");

		this.partition.withPool(writing, (p) -> {
			p.formed(List.of(a, b));
			return null;
		}, null);
		this.eviction.sweep();
		this.clock.advance(GRACE);
		this.eviction.sweep();
		assertThat(listed()).containsExactly("waiting");
	}

	@Test
	void aTicketAfterTheEvictionCreatesThePoolAfreshAndTheOldOneStaysClosed() {
		String a = admit("eu");
		String b = admit("eu");
		Pool evicted = pool("eu");
		this.partition.withPool(evicted, (p) -> p.reserve(p.waitingTickets()), false);
		this.partition.withPool(evicted, (p) -> {
			p.formed(List.of(a, b));
			return null;
		}, null);
		evictEmptyPools();

		String late = admit("eu");

		assertThat(this.registry.describe(this.clock.instant())).singleElement().satisfies((view) -> {
			assertThat(view.pool()).isEqualTo("eu");
			assertThat(view.waiting()).isOne();
			assertThat(view.matchesFormed()).isZero();
		});
		assertThat(pool("eu")).isNotSameAs(evicted);
		assertThat(this.partition.withPool(evicted, Pool::waitingTickets, null)).as("a matcher holding the evicted pool")
			.isNull();
		assertThat(this.partition.withPool(pool("eu"), Pool::waitingTickets, null)).extracting(PoolTicket::id)
			.containsExactly(late);
	}

	@Test
	void evictionLeavesTheLowWaterMarkWhereItWas() {
		String gone = admit("gone");
		String stays = admit("stays");
		cancel(gone);
		long mark = this.partition.lowWaterMark().getAsLong();
		assertThat(mark).as("the oldest ticket still waiting").isEqualTo(1);

		evictEmptyPools();

		assertThat(listed()).containsExactly("stays");
		assertThat(this.partition.lowWaterMark()).hasValue(mark);
		cancel(stays);
		evictEmptyPools();
		assertThat(listed()).isEmpty();
		assertThat(this.partition.lowWaterMark()).as("every record applied, nothing waiting").hasValue(this.offset);
	}

	@Test
	void aPartitionGivenUpHasNothingToEvict() {
		cancel(admit("eu"));
		this.registry.revoke("rivalry.tickets.duel", 0);
		evictEmptyPools();
		assertThat(this.meters.find("rivalry.engine.pools.evicted").counter()).isNull();
	}

	private void evictEmptyPools() {
		this.eviction.sweep();
		this.clock.advance(GRACE);
		this.eviction.sweep();
	}

	private String admit(String region) {
		long at = this.offset++;
		String id = region + "-" + at;
		PoolTicket ticket = new PoolTicket(id, List.of(new PoolPlayer("player-" + at, 1500)), Map.of(),
				this.clock.instant());
		this.partition.add(region, new PoolEntry(ticket, at, this.clock.instant().plus(Duration.ofHours(1))));
		this.partition.advance(at);
		return id;
	}

	private void cancel(String ticketId) {
		this.partition.removeEverywhere(ticketId);
		this.partition.advance(this.offset++);
	}

	private Pool pool(String key) {
		return this.partition.pools().stream().filter((pool) -> pool.key().equals(key)).findFirst().orElseThrow();
	}

	private List<String> listed() {
		return this.registry.describe(this.clock.instant()).stream().map(PoolView::pool).toList();
	}

	private double poolsGauge() {
		return this.meters.get("rivalry.engine.pools").tag("profile", "duel").gauge().value();
	}

}
