package dev.rivalry.bench.load.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import javax.imageio.ImageIO;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWriterTests {

	private static final String COMMAND = "java -cp bench.jar dev.rivalry.bench.load.LoadGenerator --rate 1000";

	private static final LoadReport REPORT = report();

	@TempDir
	static Path folder;

	// Written once for all the tests below: they only read the files, and drawing is the slow part.
	private static ReportWriter.Written written;

	@BeforeAll
	static void write() throws IOException {
		written = ReportWriter.write(REPORT, folder.resolve("reports"));
	}

	@Test
	void writesTheThreeFilesNamedFromScenarioRateAndStartTime() {
		assertThat(written.json()).exists().hasFileName("duel-rating-1000ps-20261121T101500Z.json");
		assertThat(written.markdown()).exists().hasFileName("duel-rating-1000ps-20261121T101500Z.md");
		assertThat(written.plot()).exists().hasFileName("duel-rating-1000ps-20261121T101500Z.png");
	}

	@Test
	void jsonRoundTripsAndStatesTheVerdict() throws IOException {
		// A plain mapper: whoever reads the file later needs no special configuration.
		assertThat(JsonMapper.shared().readValue(written.json(), LoadReport.class)).isEqualTo(REPORT);
		assertThat(Files.readString(written.json())).contains("\"passed\" : true");
	}

	@Test
	void markdownHoldsTheKeyFigures() throws IOException {
		String markdown = Files.readString(written.markdown());

		LatencySummary toToken = REPORT.latencies().get(LatencyNames.CREATE_TO_TOKEN);
		assertThat(markdown).contains("# duel-rating at 1,000 tickets/s")
			.contains(COMMAND)
			.contains("998.5/s of 1,000/s target (10,000 in all)")
			.contains("| `createToToken` | 10,000 |")
			.contains(Formats.oneDecimal(toToken.p99()))
			.contains("**met**")
			.contains("| `create:503:ticket-stream-unavailable` | 7 |")
			.contains("Every ticket ended exactly once: PASSED")
			.contains("![latency](duel-rating-1000ps-20261121T101500Z.png)");
		assertThat(markdown.indexOf("`create`")).isLessThan(markdown.indexOf("`createToToken`"));
		assertThat(markdown.indexOf("`createToToken`")).isLessThan(markdown.indexOf("`tokenToAllocation`"));
	}

	@Test
	void plotIsAChartOfTheExpectedSize() throws IOException {
		BufferedImage plot = ImageIO.read(written.plot().toFile());

		assertThat(plot.getWidth()).isEqualTo(LatencyPlot.WIDTH);
		assertThat(plot.getHeight()).isEqualTo(LatencyPlot.HEIGHT);
		assertThat(colouredPixels(plot)).isGreaterThan(1000);
	}

	@Test
	void writesAnEmptyReport() throws IOException {
		Histogram nothing = new Histogram(3);
		LoadReport empty = new LoadReport(run(), new LoadReport.Throughput(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
				Map.of(LatencyNames.CREATE, LatencySummary.of(nothing), LatencyNames.CREATE_TO_TOKEN,
						LatencySummary.of(nothing)),
				Map.of(), new LoadReport.TerminalCheck(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of()), List.of());

		ReportWriter.Written emptyWritten = ReportWriter.write(empty, folder.resolve("empty"));

		assertThat(JsonMapper.shared().readValue(emptyWritten.json(), LoadReport.class)).isEqualTo(empty);
		assertThat(Files.readString(emptyWritten.markdown())).contains("None.").contains("**not met**");
		assertThat(ImageIO.read(emptyWritten.plot().toFile()).getWidth()).isEqualTo(LatencyPlot.WIDTH);
	}

	private static LoadReport report() {
		Map<String, LatencySummary> latencies = new LinkedHashMap<>();
		// Deliberately not in report order: the summary and the chart must order them.
		latencies.put(LatencyNames.TOKEN_TO_ALLOCATION, latencies(5_000, 2_000));
		latencies.put(LatencyNames.CREATE_TO_TOKEN, latencies(10_000, 200_000));
		latencies.put(LatencyNames.CREATE, latencies(10_000, 3_000));
		LoadReport.Throughput throughput = new LoadReport.Throughput(10_000, 998.5, 1_997, 5_000, 499.2, 5_000,
				499.2, 5_000, 499.2, 4_990, 3.4);
		Map<String, Long> errors = Map.of("create:503:ticket-stream-unavailable", 7L, "allocate:timeout", 2L);
		LoadReport.TerminalCheck terminal = new LoadReport.TerminalCheck(10_000, 9_900, 90, 10, 0, 0, 0, 0, 0, 0, List.of());
		List<LoadReport.Second> timeline = IntStream.range(0, 12)
			.mapToObj((second) -> new LoadReport.Second(second, (second < 10) ? 1_000 : 0,
					(second < 2) ? 500 : (second < 11) ? 1_000 : 900, 500, (second == 3) ? 9 : 0))
			.toList();
		return new LoadReport(run(), throughput, latencies, errors, terminal, timeline);
	}

	private static LoadReport.Run run() {
		return new LoadReport.Run("duel-rating", "duel-rating", 250, 1_000, 10,
				Instant.parse("2026-11-21T10:15:00Z"), Instant.parse("2026-11-21T10:15:14.250Z"), COMMAND,
				Map.of("java", "17.0.15", "cores", "8", "matchmaker", "http://localhost:8080"));
	}

	/** @return a histogram of {@code count} values spread up to about twice {@code typicalMicros}, with a tail */
	private static LatencySummary latencies(int count, long typicalMicros) {
		Histogram histogram = new Histogram(3);
		for (int i = 0; i < count; i++) {
			long tail = (i % 500 == 0) ? 3 * typicalMicros : 0;
			histogram.recordValue(typicalMicros / 2 + (i * 7_919L) % typicalMicros + tail);
		}
		return LatencySummary.of(histogram);
	}

	private static long colouredPixels(BufferedImage image) {
		int background = image.getRGB(0, 0);
		return IntStream.range(0, image.getHeight())
			.flatMap((y) -> IntStream.range(0, image.getWidth()).map((x) -> image.getRGB(x, y)))
			.filter((rgb) -> rgb != background)
			.count();
	}

}
