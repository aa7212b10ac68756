package dev.rivalry.testsupport;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * A Kafka broker owned by one test, for proving what happens when Kafka goes away. Once
 * {@link #stop() stopped} it stays down: the in-process broker cannot come back on the
 * same port, so a test that needs Kafka again starts another one.
 *
 * <p>Made by {@link TestKafka#startDedicated()}. Use it in try-with-resources or close it in
 * {@code @AfterAll}; it is stopped at JVM exit otherwise. Thread-safe; {@code stop} is
 * idempotent.
 */
public final class DedicatedKafka extends KafkaBroker implements AutoCloseable {

	private final AtomicBoolean running = new AtomicBoolean(true);

	DedicatedKafka(EmbeddedKafkaBroker broker) {
		super(broker);
	}

	/** Stops the broker and waits for it to be gone; clients then fail to connect. */
	public void stop() {
		if (this.running.compareAndSet(true, false)) {
			embedded().destroy();
		}
	}

	public boolean isRunning() {
		return this.running.get();
	}

	@Override
	public void close() {
		stop();
	}

}
