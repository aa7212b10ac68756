package dev.rivalry.engine.intake;

import dev.rivalry.engine.pool.PoolRegistry;

import org.springframework.context.event.EventListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;

/**
 * Moves the committed marks forward while no records arrive: matches formed after the last
 * batch free their tickets' offsets. The idle event is published on the consumer thread,
 * the only thread that may use its consumer.
 */
public class IdleCommits {

	private final PoolRegistry registry;

	private final LowWaterMarks marks;

	public IdleCommits(PoolRegistry registry, LowWaterMarks marks) {
		this.registry = registry;
		this.marks = marks;
	}

	@EventListener
	public void onIdle(ListenerContainerIdleEvent event) {
		this.marks.commit(event.getConsumer(), this.registry.all());
	}

}
