package dev.rivalry.engine.pool;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Evicts the pools that stayed empty for the grace period ({@link PartitionPool#evictEmpty}),
 * every interval, on a thread of its own: it takes each partition's lock briefly, as the
 * consumer and the matchers do, and never touches Kafka or Redis.
 */
public class PoolEviction implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(PoolEviction.class);

	private final PoolRegistry registry;

	private final EngineMetrics metrics;

	private final Clock clock;

	private final Duration grace;

	private final Duration interval;

	private ScheduledExecutorService thread;

	public PoolEviction(PoolRegistry registry, EngineMetrics metrics, Clock clock, Duration grace, Duration interval) {
		this.registry = registry;
		this.metrics = metrics;
		this.clock = clock;
		this.grace = grace;
		this.interval = interval;
	}

	/** One look at every pool of this instance. */
	void sweep() {
		try {
			for (PartitionPool partition : this.registry.all()) {
				int evicted = partition.evictEmpty(this.clock.instant(), this.grace);
				if (evicted > 0) {
					this.metrics.evicted(partition.profile().name(), evicted);
					logger.debug("Evicted {} empty pool(s) of {}-{}", evicted, partition.topic(), partition.partition());
				}
			}
		}
		catch (RuntimeException ex) {
			// One policy for the sweeper thread: a failed sweep is logged, the next one comes
			// an interval later; the thread itself must survive every error.
			logger.error("Evicting empty pools failed; trying again in {}", this.interval, ex);
		}
	}

	@Override
	public synchronized void start() {
		this.thread = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "engine-pool-eviction");
			thread.setDaemon(true);
			return thread;
		});
		long every = this.interval.toMillis();
		this.thread.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.thread != null) {
			this.thread.shutdownNow();
			this.thread = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.thread != null;
	}

}
