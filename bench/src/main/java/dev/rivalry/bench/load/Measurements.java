package dev.rivalry.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

import dev.rivalry.bench.load.report.LatencyNames;
import dev.rivalry.bench.load.report.LatencySummary;
import dev.rivalry.bench.load.report.LoadReport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What a run records while it runs, from many threads: latencies (HdrHistogram, in
 * microseconds), counts per second of the run, errors by kind. Times are
 * {@link System#nanoTime()} values.
 */
final class Measurements {

	private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

	private static final int MAX_SECONDS = 3600;

	private final long startNanos;

	private final Map<String, Histogram> latencies = new LinkedHashMap<>();

	private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

	private final AtomicLongArray created = new AtomicLongArray(MAX_SECONDS);

	private final AtomicLongArray matchedTickets = new AtomicLongArray(MAX_SECONDS);

	private final AtomicLongArray matches = new AtomicLongArray(MAX_SECONDS);

	private final AtomicLongArray allocated = new AtomicLongArray(MAX_SECONDS);

	private final AtomicLongArray serversAllocated = new AtomicLongArray(MAX_SECONDS);

	private final AtomicLongArray failures = new AtomicLongArray(MAX_SECONDS);

	private final AtomicLongArray createdPlayers = new AtomicLongArray(MAX_SECONDS);

	private final LongAdder results = new LongAdder();

	private final AtomicLong maxLagNanos = new AtomicLong();

	private final AtomicLong lastSecond = new AtomicLong();

	Measurements(long startNanos) {
		this.startNanos = startNanos;
		for (String name : LatencyNames.ALL) {
			this.latencies.put(name, new ConcurrentHistogram(HIGHEST_MICROS, 3));
		}
	}

	/** Records a latency of a ticket due in the measured window; warm-up tickets are not measured. */
	void latency(String name, long fromNanos, long toNanos) {
		latency(name, fromNanos, fromNanos, toNanos);
	}

	/** Records a latency measured from a later point of a ticket due at {@code dueNanos}. */
	void latency(String name, long dueNanos, long fromNanos, long toNanos) {
		if (dueNanos < this.startNanos) {
			return;
		}
		long micros = Math.max(0, (toNanos - fromNanos) / 1000);
		this.latencies.get(name).recordValue(Math.min(micros, HIGHEST_MICROS));
	}

	void created(long nanos, int playersOnTicket) {
		if (nanos < this.startNanos) {
			return;
		}
		count(this.created, nanos);
		this.createdPlayers.addAndGet(second(nanos), playersOnTicket);
	}

	void matchedTicket(long nanos) {
		count(this.matchedTickets, nanos);
	}

	void match(long nanos) {
		count(this.matches, nanos);
	}

	void allocated(long nanos) {
		count(this.allocated, nanos);
	}

	void serverAllocated(long nanos) {
		count(this.serversAllocated, nanos);
	}

	void resultReported() {
		this.results.increment();
	}

	void error(String kind) {
		this.errors.computeIfAbsent(kind, (key) -> new LongAdder()).increment();
		count(this.failures, System.nanoTime());
	}

	/** The generator sent a request this late: its own health, not the system's. */
	void lag(long dueNanos, long nanos) {
		if (dueNanos < this.startNanos) {
			return;
		}
		this.maxLagNanos.accumulateAndGet(nanos, Math::max);
	}

	LoadReport.Throughput throughput(double windowSeconds) {
		int window = (int) Math.ceil(windowSeconds);
		long createdInWindow = sum(this.created, window);
		return new LoadReport.Throughput(sum(this.created, MAX_SECONDS), createdInWindow / windowSeconds,
				sum(this.createdPlayers, window) / windowSeconds,
				sum(this.matches, MAX_SECONDS), sum(this.matches, window) / windowSeconds, sum(this.allocated, MAX_SECONDS),
				sum(this.allocated, window) / windowSeconds, sum(this.serversAllocated, MAX_SECONDS),
				sum(this.serversAllocated, window) / windowSeconds, this.results.sum(), this.maxLagNanos.get() / 1e6);
	}

	Map<String, LatencySummary> latencies() {
		Map<String, LatencySummary> summaries = new LinkedHashMap<>();
		this.latencies.forEach((name, histogram) -> summaries.put(name, LatencySummary.of(histogram.copy())));
		return summaries;
	}

	Map<String, Long> errors() {
		Map<String, Long> counted = new TreeMap<>();
		this.errors.forEach((kind, count) -> counted.put(kind, count.sum()));
		return counted;
	}

	List<LoadReport.Second> timeline() {
		List<LoadReport.Second> seconds = new ArrayList<>();
		for (int second = 0; second <= this.lastSecond.get() && second < MAX_SECONDS; second++) {
			seconds.add(new LoadReport.Second(second, this.created.get(second), this.matchedTickets.get(second),
					this.allocated.get(second), this.failures.get(second)));
		}
		return seconds;
	}

	/** @return the latest second's counts, for progress lines */
	String progress(int second) {
		int at = Math.max(0, Math.min(second, MAX_SECONDS - 1));
		return String.format("created %,d/s  matched %,d/s  allocated %,d/s  errors %,d/s", this.created.get(at),
				this.matchedTickets.get(at), this.allocated.get(at), this.failures.get(at));
	}

	private void count(AtomicLongArray perSecond, long nanos) {
		if (nanos < this.startNanos) {
			return;
		}
		int second = second(nanos);
		perSecond.incrementAndGet(second);
		this.lastSecond.accumulateAndGet(second, Math::max);
	}

	private int second(long nanos) {
		return (int) Math.min(MAX_SECONDS - 1, Math.max(0, (nanos - this.startNanos) / 1_000_000_000L));
	}

	private static long sum(AtomicLongArray perSecond, int seconds) {
		long total = 0;
		for (int i = 0; i < Math.min(seconds, perSecond.length()); i++) {
			total += perSecond.get(i);
		}
		return total;
	}

}
