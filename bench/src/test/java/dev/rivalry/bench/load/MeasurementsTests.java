package dev.rivalry.bench.load;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.rivalry.bench.load.report.LatencyNames;
import dev.rivalry.bench.load.report.LatencySummary;
import dev.rivalry.bench.load.report.LoadReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

class MeasurementsTests {

	/** Any fixed origin: the tests never read the clock (nanoTime values may even be negative). */
	private static final long START = -5_000_000_000L;

	private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

	private static final long MILLI = TimeUnit.MILLISECONDS.toNanos(1);

	private static final long MICRO = TimeUnit.MICROSECONDS.toNanos(1);

	private final Measurements measurements = new Measurements(START);

	@Test
	void latenciesOfWarmUpTicketsAreNotRecorded() {
		// Due before the start, answered after it: still a warm-up ticket.
		this.measurements.latency(LatencyNames.CREATE, START - 1, START + 900 * MILLI);
		this.measurements.latency(LatencyNames.CREATE, START, START + 1500 * MICRO);
		this.measurements.latency(LatencyNames.CREATE, START + SECOND, START + SECOND + 2 * MILLI);

		LatencySummary create = this.measurements.latencies().get(LatencyNames.CREATE);
		assertThat(create.count()).isEqualTo(2);
		assertThat(create.max()).isEqualTo(2.0);
		assertThat(create.p50()).isEqualTo(1.5);
	}

	@Test
	void everyLatencyIsReportedEvenWhenEmpty() {
		this.measurements.latency(LatencyNames.CREATE_TO_TOKEN, START, START + MILLI);

		// The report's tables and plot expect all four, in this order.
		assertThat(this.measurements.latencies()).containsOnlyKeys(LatencyNames.ALL);
		assertThat(List.copyOf(this.measurements.latencies().keySet())).isEqualTo(LatencyNames.ALL);
		assertThat(this.measurements.latencies().get(LatencyNames.CREATE_TO_TOKEN).count()).isEqualTo(1);
		assertThat(this.measurements.latencies().get(LatencyNames.CREATE).count()).isZero();
	}

	@Test
	void aLatencyBeyondTheHistogramIsRecordedAtItsTop() {
		// A stuck request must not throw from the recording thread: it shows as ten minutes.
		this.measurements.latency(LatencyNames.CREATE, START, START + TimeUnit.HOURS.toNanos(1));

		assertThat(this.measurements.latencies().get(LatencyNames.CREATE).max()).isCloseTo(600_000.0,
				within(600.0));
	}

	@ParameterizedTest(name = "{0} ns after the start: second {1}")
	@CsvSource(textBlock = """
			0,             0
			999999999,     0
			1000000000,    1
			2500000000,    2
			3599999999999, 3599
			7200000000000, 3599
			""")
	void countsLandInTheSecondTheyHappened(long afterStart, int second) {
		this.measurements.matchedTicket(START + afterStart);

		List<LoadReport.Second> timeline = this.measurements.timeline();
		assertThat(timeline).hasSize(second + 1);
		assertThat(timeline.get(second)).isEqualTo(new LoadReport.Second(second, 0, 1, 0, 0));
		assertThat(timeline.subList(0, second)).allSatisfy((quiet) -> assertThat(quiet.matched()).isZero());
	}

	@Test
	void theTimelineHasEverySecondUpToTheLastCount() {
		this.measurements.created(START + 100 * MILLI, 1);
		this.measurements.created(START + 200 * MILLI, 5);
		this.measurements.allocated(START + 3 * SECOND);
		this.measurements.matchedTicket(START + SECOND + 1);

		assertThat(this.measurements.timeline()).containsExactly(new LoadReport.Second(0, 2, 0, 0, 0),
				new LoadReport.Second(1, 0, 1, 0, 0), new LoadReport.Second(2, 0, 0, 0, 0),
				new LoadReport.Second(3, 0, 0, 1, 0));
	}

	@Test
	void countsBeforeTheStartAreLeftOut() {
		this.measurements.created(START - 1, 3);
		this.measurements.matchedTicket(START - SECOND);
		this.measurements.match(START - 1);
		this.measurements.allocated(START - 1);

		assertThat(this.measurements.timeline()).containsExactly(new LoadReport.Second(0, 0, 0, 0, 0));
		LoadReport.Throughput throughput = this.measurements.throughput(1);
		assertThat(throughput.ticketsCreated()).isZero();
		assertThat(throughput.playersPerSecond()).isZero();
		assertThat(throughput.matches()).isZero();
	}

	@Test
	void throughputIsPerSecondOfTheWindowAndTotalsCountEverything() {
		// Seconds 0 and 1 are the window; second 2 is the drain.
		for (long at : new long[] { 0, 300 * MILLI, 900 * MILLI, SECOND + 1 }) {
			this.measurements.created(START + at, 2);
		}
		this.measurements.created(START + 2 * SECOND, 5);
		this.measurements.match(START + SECOND);
		this.measurements.match(START + 2 * SECOND + 1);
		this.measurements.allocated(START);
		this.measurements.allocated(START + SECOND);
		this.measurements.allocated(START + 2 * SECOND);
		this.measurements.serverAllocated(START + 2 * SECOND);
		this.measurements.resultReported();
		this.measurements.resultReported();

		LoadReport.Throughput throughput = this.measurements.throughput(2.0);

		assertThat(throughput.ticketsCreated()).isEqualTo(5);
		assertThat(throughput.ticketsPerSecond()).isEqualTo(2.0);
		assertThat(throughput.playersPerSecond()).isEqualTo(4.0);
		assertThat(throughput.matches()).isEqualTo(2);
		assertThat(throughput.matchesPerSecond()).isEqualTo(0.5);
		assertThat(throughput.allocationCalls()).isEqualTo(3);
		assertThat(throughput.allocationCallsPerSecond()).isEqualTo(1.0);
		assertThat(throughput.serversAllocated()).isEqualTo(1);
		assertThat(throughput.serverAllocationsPerSecond()).isZero();
		assertThat(throughput.resultsReported()).isEqualTo(2);
	}

	@Test
	void aPartialLastSecondBelongsToTheWindow() {
		this.measurements.created(START, 1);
		this.measurements.created(START + 1200 * MILLI, 1);

		// 1.5 s of arrivals reach into second 1: both tickets count, over 1.5 s.
		assertThat(this.measurements.throughput(1.5).ticketsPerSecond()).isCloseTo(2 / 1.5,
				within(1e-9));
	}

	@Test
	void schedulerLagIsTheWorstOfTheMeasuredWindow() {
		this.measurements.lag(START - 1, 40 * MILLI);
		this.measurements.lag(START, 3 * MILLI);
		this.measurements.lag(START + SECOND, 2 * MILLI);

		assertThat(this.measurements.throughput(1).maxSchedulerLagMillis()).isEqualTo(3.0);
	}

	@Test
	void errorsAreCountedByKindInNameOrder() {
		this.measurements.error("stream:timeout");
		this.measurements.error("create:503:no-capacity");
		this.measurements.error("allocate:connect");
		this.measurements.error("create:503:no-capacity");

		assertThat(this.measurements.errors()).containsExactly(entry("allocate:connect", 1L),
				entry("create:503:no-capacity", 2L), entry("stream:timeout", 1L));
	}

	@Test
	void progressShowsOneSecondsCounts() {
		this.measurements.created(START + SECOND, 1);
		this.measurements.created(START + SECOND, 1);
		this.measurements.matchedTicket(START + SECOND);

		assertThat(this.measurements.progress(1)).startsWith("created 2/s  matched 1/s  allocated 0/s");
		// Out of range asks read the nearest second instead of throwing on the progress thread.
		assertThat(this.measurements.progress(-1)).startsWith("created 0/s");
		assertThat(this.measurements.progress(1_000_000)).startsWith("created 0/s");
	}

}
