package dev.rivalry.serverlist.allocation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Expires allocations whose server did not confirm the start by the deadline: the server
 * goes back to {@code READY} (or {@code UNHEALTHY} if its heartbeats stopped) and the match
 * may be allocated again. Run by a {@link dev.rivalry.redis.Sweeper} on every instance; the
 * expiry is one script that checks the allocation is still pending and due, so instances
 * racing for one match are harmless.
 */
class AllocationExpiry {

	private static final Logger logger = LoggerFactory.getLogger(AllocationExpiry.class);

	private final Allocations allocations;

	private final AllocationMetrics metrics;

	private final int batch;

	AllocationExpiry(Allocations allocations, AllocationMetrics metrics, int batch) {
		this.allocations = allocations;
		this.metrics = metrics;
		this.batch = batch;
	}

	/** @return the number of allocations expired */
	Mono<Long> sweepOnce() {
		return this.allocations.dueForExpiry(this.batch)
			.concatMap((matchId) -> this.allocations.expire(matchId)
				.filter((reply) -> reply.startsWith("expired|"))
				.doOnNext((reply) -> {
					this.metrics.expired();
					logger.info("Allocation of match {} expired before its start: {}", matchId, reply.substring(8));
				}))
			.count();
	}

}
