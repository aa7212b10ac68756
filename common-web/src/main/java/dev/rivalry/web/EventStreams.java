package dev.rivalry.web;

import java.time.Duration;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.codec.ServerSentEvent;

/**
 * What every server-sent event stream of a service needs besides its events: comment
 * heartbeats, so proxies keep an idle stream open, and an end when the instance begins to
 * stop. An event stream never finishes on its own, so a graceful shutdown would otherwise
 * wait its whole timeout for them while clients could not reconnect anywhere; ended at
 * once, each client opens a new stream (to another instance behind the load balancer),
 * whose first event is the current state. Stopped in the default phase, before the web
 * server's graceful shutdown. Restartable: a context that is stopped and started again (the
 * TestContext framework pauses cached contexts this way) serves streams again. Thread safe.
 */
public class EventStreams implements SmartLifecycle {

	/** Emits once, at the stop; a start puts a fresh one in its place. */
	private volatile Sinks.Empty<Void> stopping = Sinks.empty();

	private volatile boolean running;

	/**
	 * The events with a {@code :heartbeat} comment every {@code heartbeat}, completing when
	 * the events complete or the instance begins to stop.
	 * @param events the stream's events
	 * @param heartbeat time between two heartbeat comments
	 * @param <T> the events' data
	 * @return the stream to return from a controller
	 */
	public <T> Flux<ServerSentEvent<T>> live(Flux<ServerSentEvent<T>> events, Duration heartbeat) {
		Flux<ServerSentEvent<T>> heartbeats = Flux.interval(heartbeat, heartbeat)
			.map((tick) -> ServerSentEvent.<T>builder().comment("heartbeat").build());
		return endOnShutdown(events.publish((shared) -> Flux.merge(shared, heartbeats.takeUntilOther(shared.ignoreElements()))));
	}

	/**
	 * @param stream a stream that needs no heartbeat (it emits often enough on its own)
	 * @param <T> its elements
	 * @return the stream, completed when the instance begins to stop
	 */
	public <T> Flux<T> endOnShutdown(Flux<T> stream) {
		return stream.takeUntilOther(Mono.defer(() -> this.stopping.asMono()));
	}

	@Override
	public void start() {
		this.stopping = Sinks.empty();
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
