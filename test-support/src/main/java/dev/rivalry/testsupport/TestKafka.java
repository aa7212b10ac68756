package dev.rivalry.testsupport;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import dev.rivalry.testsupport.hang.ThreadStacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real Kafka of this test JVM: one in-process KRaft broker (spring-kafka-test) on a
 * random loopback port, started on first use and stopped at exit. Topics are auto-created
 * on first use with {@value #PARTITIONS_PROPERTY} partitions (default
 * {@value #DEFAULT_PARTITIONS}); {@link KafkaBroker#createTopics} creates them up front.
 *
 * <p>In a Spring test: <pre>{@code
 * @DynamicPropertySource
 * static void kafka(DynamicPropertyRegistry registry) {
 *     TestKafka.registerProperties(registry);
 * }
 * }</pre> or annotate the test class with {@link RealKafka @RealKafka}.
 *
 * <p>Topic names are shared by every test of the JVM: tests that must not see each
 * other's records use their own topics or consumer groups. A test that must stop Kafka
 * takes its own broker with {@link #startDedicated()}. All methods are thread-safe.
 */
public final class TestKafka {

	/** System property: partitions of a topic created without a count. */
	public static final String PARTITIONS_PROPERTY = "rivalry.test.kafka.partitions";

	public static final int DEFAULT_PARTITIONS = 4;

	/**
	 * System property: how long one broker may take to start, as an ISO-8601 duration
	 * (default 90 s; they take about 6).
	 */
	public static final String START_TIMEOUT_PROPERTY = "rivalry.test.kafka.start-timeout";

	private static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(90);

	/** Brokers tried before the tests of this JVM are told there is no Kafka. */
	private static final int START_ATTEMPTS = 2;

	private static final Logger logger = LoggerFactory.getLogger(TestKafka.class);

	private static KafkaBroker shared;

	private static RuntimeException failure;

	private TestKafka() {
	}

	/**
	 * The broker shared by every test of this JVM, started on the first call (a few seconds).
	 * @throws IllegalStateException if it cannot start (then on every call)
	 */
	public static synchronized KafkaBroker get() {
		if (shared == null && failure == null) {
			try {
				EmbeddedKafkaBroker broker = start(defaultPartitions());
				Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "rivalry-kafka-shared"));
				shared = new KafkaBroker(broker);
			}
			catch (RuntimeException ex) {
				failure = new IllegalStateException("No Kafka for tests: " + ex.getMessage(), ex);
			}
		}
		if (failure != null) {
			throw failure;
		}
		return shared;
	}

	/** The shared broker's {@code bootstrap.servers}. */
	public static String bootstrapServers() {
		return get().bootstrapServers();
	}

	/**
	 * Registers {@code spring.kafka.bootstrap-servers} and
	 * {@code spring.cloud.stream.kafka.binder.brokers} of the shared broker, which starts
	 * only when the application context reads them.
	 */
	public static void registerProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
		registry.add("spring.cloud.stream.kafka.binder.brokers", TestKafka::bootstrapServers);
	}

	/** Starts a broker of the caller's own, with the default partitions; see {@link DedicatedKafka}. */
	public static DedicatedKafka startDedicated() {
		return startDedicated(defaultPartitions());
	}

	/** Starts a broker of the caller's own, whose new topics get {@code partitions} partitions. */
	public static DedicatedKafka startDedicated(int partitions) {
		DedicatedKafka kafka = new DedicatedKafka(start(partitions));
		Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "rivalry-kafka-dedicated"));
		return kafka;
	}

	static Duration startTimeout() {
		String value = System.getProperty(START_TIMEOUT_PROPERTY);
		return (value != null) ? Duration.parse(value) : DEFAULT_START_TIMEOUT;
	}

	static int defaultPartitions() {
		return Integer.getInteger(PARTITIONS_PROPERTY, DEFAULT_PARTITIONS);
	}

	private static EmbeddedKafkaBroker start(int partitions) {
		IllegalStateException failure = null;
		for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
			try {
				return startOnce(partitions);
			}
			catch (IllegalStateException ex) {
				logger.warn("Test Kafka: start {} of {} failed: {}", attempt, START_ATTEMPTS, ex.getMessage());
				if (failure == null) {
					failure = ex;
				}
				else {
					failure.addSuppressed(ex);
				}
			}
		}
		throw failure;
	}

	/**
	 * Starts one broker within {@value #START_TIMEOUT_PROPERTY}. The test kit waits for its broker
	 * without a deadline (a broker that never registers with its controller would hold the
	 * test JVM forever, the controller logging on as if all were well); a start that takes
	 * too long is abandoned, stopped once it does finish, and reported with the starting
	 * thread's stack.
	 */
	private static EmbeddedKafkaBroker startOnce(int partitions) {
		Duration timeout = startTimeout();
		long started = System.nanoTime();
		// Ports and listeners stay the broker's own choice: setting them breaks the KRaft test kit.
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions);
		broker.brokerProperties(Map.of(
				// One broker: internal topics cannot have more replicas than that.
				"transaction.state.log.replication.factor", "1",
				"transaction.state.log.min.isr", "1",
				// Fewer partitions than the default 50 make the first consumer group start faster.
				"offsets.topic.num.partitions", "4",
				// Kafka waits for its controller without end by default.
				"server.max.startup.time.ms", String.valueOf(timeout.toMillis())));
		Map<String, String> before = leakedProperties();
		AtomicReference<Thread> starter = new AtomicReference<>();
		CompletableFuture<Void> start = CompletableFuture.runAsync(() -> {
			starter.set(Thread.currentThread());
			broker.afterPropertiesSet();
		}, (task) -> {
			Thread thread = new Thread(task, "rivalry-kafka-start");
			thread.setDaemon(true);
			thread.start();
		});
		try {
			start.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			start.whenComplete((done, error) -> {
				broker.destroy();
				restore(before);
			});
			throw new IllegalStateException("the in-process broker did not start within " + timeout.toMillis()
					+ " ms; it was starting at\n" + ThreadStacks.of(starter.get()), ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("the in-process broker did not start: " + ex.getCause(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while the in-process broker started", ex);
		}
		finally {
			restore(before);
		}
		logger.info("Test Kafka: in-process KRaft broker at {}, {} partitions per new topic ({} ms)",
				broker.getBrokersAsString(), partitions, (System.nanoTime() - started) / 1_000_000);
		return broker;
	}

	/*
	 * The broker writes its address into global system properties. Left there, every later
	 * Spring context of the JVM would silently use whichever broker started last, even a
	 * dedicated one that its test is about to stop; properties are registered explicitly.
	 */
	private static Map<String, String> leakedProperties() {
		Map<String, String> values = new HashMap<>();
		List<String> names = List.of("spring.kafka.bootstrap-servers", EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
		for (String name : names) {
			values.put(name, System.getProperty(name));
		}
		return values;
	}

	private static void restore(Map<String, String> values) {
		values.forEach((name, value) -> {
			if (value == null) {
				System.clearProperty(name);
			}
			else {
				System.setProperty(name, value);
			}
		});
	}

}
