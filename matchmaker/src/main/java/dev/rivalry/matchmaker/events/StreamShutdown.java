package dev.rivalry.matchmaker.events;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.context.SmartLifecycle;

/**
 * Ends every open event stream when the instance begins to stop. An event stream never
 * finishes on its own, so a graceful shutdown would otherwise wait its whole timeout for
 * them while clients could not reconnect anywhere; completed at once, each client opens a
 * new stream (to another instance behind the load balancer), whose first event is the
 * current state. Stopped in the default phase, before the web server's graceful shutdown.
 */
class StreamShutdown implements SmartLifecycle {

	private final Sinks.Empty<Void> stopping = Sinks.empty();

	private volatile boolean running;

	/** The stream, completed when the instance begins to stop. */
	<T> Flux<T> endOnShutdown(Flux<T> stream) {
		return stream.takeUntilOther(this.stopping.asMono());
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.stopping.tryEmitEmpty();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
