package dev.rivalry.redis;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;

/**
 * Runs a sweep (expiring tickets, freeing servers that missed their deadline) every
 * interval while the application runs. Every instance sweeps: a sweep's changes must be
 * atomic scripts that check the current state, so instances racing for one item are
 * harmless and none is special. Sweeps never overlap on one instance.
 */
public class Sweeper implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(Sweeper.class);

	private final String name;

	private final Duration interval;

	private final Supplier<Mono<?>> sweep;

	private final Disposable.Swap running = Disposables.swap();

	/**
	 * @param name what the sweep does, for the log
	 * @param interval time between sweeps
	 * @param sweep one sweep; subscribed once per tick
	 */
	public Sweeper(String name, Duration interval, Supplier<Mono<?>> sweep) {
		this.name = name;
		this.interval = interval;
		this.sweep = sweep;
	}

	@Override
	public void start() {
		this.running.update(Flux.interval(this.interval, this.interval)
			.onBackpressureDrop()
			// One policy: a failed sweep (Redis briefly away) is logged and the next tick
			// tries again; the schedule itself never ends on an error.
			.concatMap((tick) -> this.sweep.get().onErrorResume((ex) -> {
				logger.warn("{} failed, retrying in {}: {}", this.name, this.interval, ex.toString());
				return Mono.empty();
			}), 0)
			.subscribe());
	}

	@Override
	public void stop() {
		this.running.update(null);
	}

	@Override
	public boolean isRunning() {
		return this.running.get() != null;
	}

}
