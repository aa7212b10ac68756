package dev.rivalry.standalone;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.rivalry.bench.load.LoadGenerator;
import dev.rivalry.bench.load.LoadSettings;
import dev.rivalry.bench.load.report.LatencyNames;
import dev.rivalry.bench.load.report.LoadReport;
import dev.rivalry.bench.load.report.ReportWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bench's open-loop load generator, briefly and slowly, against the three services:
 * players get their tokens from the identity provider ahead of the schedule, queue, follow their streams, trade their match tokens for allocations; the
 * simulated servers start, report and are ready again; every ticket ends exactly once and
 * the report is written. Figures are the bench's business (docs/benchmarks.md), not this
 * test's: it only checks that the generator measures what it says it measures.
 */
class LoadGeneratorEndToEndTests {

	static Services services;

	@BeforeAll
	static void start() {
		services = new Services("e2e-load").start();
	}

	@AfterAll
	static void stop() {
		services.close();
	}

	@Test
	void duelsAreMatchedAllocatedPlayedAndReportedOnceEach(@TempDir Path results) throws Exception {
		LoadReport report = new LoadGenerator(settings("duel-rating", 40, results)).run();

		// 3 s at 40/s, one region: 120 solo tickets, 60 duels, every one played to its result.
		LoadReport.TerminalCheck terminal = report.terminal();
		assertThat(terminal.passed()).as("%s", terminal).isTrue();
		assertThat(terminal.created()).isEqualTo(120);
		assertThat(terminal.matched()).isEqualTo(120);
		// Only what the contract says to ask again for: every server busy for a moment, or the
		// result record not yet acknowledged by a broker creating its topic.
		assertThat(report.errors().keySet()).isSubsetOf("allocate:503:no-capacity", "results:503:result-stream-unavailable");
		LoadReport.Throughput throughput = report.throughput();
		assertThat(throughput.matches()).isEqualTo(60);
		assertThat(throughput.allocationCalls()).isEqualTo(120);
		assertThat(throughput.serversAllocated()).isEqualTo(60);
		assertThat(throughput.resultsReported()).isEqualTo(60);
		assertThat(report.latencies().get(LatencyNames.CREATE_TO_TOKEN).count()).isEqualTo(120);
		assertThat(report.latencies().get(LatencyNames.CREATE_TO_ALLOCATION).count()).isEqualTo(120);

		ReportWriter.Written written = ReportWriter.write(report, results);
		assertThat(Files.readString(written.markdown())).contains("PASSED", "duel-rating");
		assertThat(written.json()).isNotEmptyFile();
		assertThat(written.plot()).isNotEmptyFile();
	}

	@Test
	void squadPartiesEndExactlyOnceWithLeftoversCancelled(@TempDir Path results) {
		LoadReport report = new LoadGenerator(settings("squad", 20, results)).run();

		// 60 tickets of 1 to 5 players: some cannot make a 5v5 and are cancelled at the end.
		LoadReport.TerminalCheck terminal = report.terminal();
		assertThat(terminal.passed()).as("%s", terminal).isTrue();
		assertThat(terminal.created()).isEqualTo(60);
		assertThat(terminal.matched() + terminal.cancelled()).isEqualTo(60);
		assertThat(report.throughput().matches()).isPositive();
		assertThat(report.throughput().resultsReported()).isEqualTo(report.throughput().matches());
	}

	private static LoadSettings settings(String scenario, int rate, Path results) {
		return LoadSettings.parse("--scenario=" + scenario, "--rate=" + rate, "--warmup=0s", "--duration=3s",
				"--drain=20s", "--matchmaker=" + services.matchmakerUri(), "--serverlist=" + services.serverlistUri(),
				"--identity=" + services.identityUri(), "--fleet-key=" + Services.FLEET_KEY, "--servers=30", "--regions=eu", "--out=" + results);
	}

}
