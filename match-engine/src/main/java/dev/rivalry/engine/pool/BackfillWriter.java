package dev.rivalry.engine.pool;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import dev.rivalry.engine.strategy.BackfillFill;
import dev.rivalry.engine.strategy.PoolTicket;
import dev.rivalry.tickets.backfill.BackfillSnapshot;
import dev.rivalry.tickets.backfill.BackfillStore;
import dev.rivalry.tickets.backfill.FillOutcome;
import dev.rivalry.tokens.Participant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a backfill fill the pool reserved: its tickets and seats move into the match in one
 * Redis script that checks the backfill's version and the match's roster as the engine read
 * them, so a fill from a stale view (another instance, a replacement, a cancel) writes
 * nothing. Then settles the pool: the backfill takes the state read back, refused tickets
 * leave, the others wait again.
 */
class BackfillWriter {

	private static final Logger logger = LoggerFactory.getLogger(BackfillWriter.class);

	private final BackfillStore store;

	private final EngineMetrics metrics;

	private final Clock clock;

	BackfillWriter(BackfillStore store, EngineMetrics metrics, Clock clock) {
		this.store = store;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * @param partition the pool's partition
	 * @param pool the pool, whose lock guards the settling
	 * @param fill the reserved fill
	 * @param retry called with the partition and pool when the pool should be tried again
	 */
	void write(PartitionPool partition, Pool pool, BackfillFill fill, BiConsumer<PartitionPool, Pool> retry) {
		BackfillSnapshot read = partition.withPool(pool, (p) -> p.backfill(fill.backfill().id()), null);
		List<String> ids = fill.tickets().stream().map(PoolTicket::id).toList();
		if (read == null) {
			settle(partition, pool, fill.backfill().id(), ids, List.of(), null);
			return;
		}
		List<Participant> players = new ArrayList<>();
		for (BackfillFill.Seat seat : fill.seats()) {
			seat.ticket().players().forEach((player) -> players.add(new Participant(player.id(), seat.team())));
		}
		this.store.fill(read, ids, players).subscribe((outcome) -> {
			if (outcome instanceof FillOutcome.Filled filled) {
				partition.withPool(pool, (p) -> {
					p.filled(ids);
					p.settleBackfill(read.id(), filled.snapshot());
					return null;
				}, null);
				this.metrics.backfilled(pool.profile().name(), fill.tickets(), read.backfill().createdAt(),
						this.clock.instant());
			}
			else if (outcome instanceof FillOutcome.TicketsGone gone) {
				settle(partition, pool, read.id(), ids, gone.ticketIds(), read);
			}
			else if (outcome instanceof FillOutcome.Stale stale) {
				settle(partition, pool, read.id(), ids, List.of(), stale.snapshot());
			}
			retry.accept(partition, pool);
		}, (ex) -> {
			logger.warn("Filling backfill {} failed; its tickets wait again: {}", read.id(), ex.toString());
			settle(partition, pool, read.id(), ids, List.of(), read);
			retry.accept(partition, pool);
		});
	}

	private static void settle(PartitionPool partition, Pool pool, String backfillId, List<String> ids,
			List<String> notSearching, BackfillSnapshot after) {
		partition.withPool(pool, (p) -> {
			p.refused(ids, notSearching);
			p.settleBackfill(backfillId, after);
			return null;
		}, null);
	}

}
