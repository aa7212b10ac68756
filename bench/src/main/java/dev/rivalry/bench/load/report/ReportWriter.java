package dev.rivalry.bench.load.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link LoadReport} as three files side by side: the whole report as JSON (for
 * tools and later comparison), a Markdown summary (for people and pull requests) and a PNG
 * of the latency by percentile and the timeline (which the summary shows). The files are
 * named from the scenario, the target rate and the start time, e.g.
 * {@code duel-rating-1000ps-20261121T101500Z.json}, so runs never overwrite each other.
 */
public final class ReportWriter {

	private static final DateTimeFormatter START_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private ReportWriter() {
	}

	/**
	 * The files one report was written to.
	 *
	 * @param json the whole report
	 * @param markdown the summary
	 * @param plot the latency and timeline chart the summary links to
	 */
	public record Written(Path json, Path markdown, Path plot) {
	}

	/**
	 * @param report the report to write
	 * @param folder where to write it, created if missing
	 * @return the files written
	 * @throws IOException if a file cannot be written
	 */
	public static Written write(LoadReport report, Path folder) throws IOException {
		Files.createDirectories(folder);
		String baseName = baseName(report.run());
		Written written = new Written(folder.resolve(baseName + ".json"), folder.resolve(baseName + ".md"),
				folder.resolve(baseName + ".png"));
		JSON.writeValue(written.json(), report);
		String plotName = written.plot().getFileName().toString();
		Files.writeString(written.markdown(), MarkdownSummary.render(report, plotName), StandardCharsets.UTF_8);
		LatencyPlot.write(report, written.plot());
		return written;
	}

	/**
	 * @param run what was run
	 * @return the name its files share, without extension, e.g.
	 * {@code duel-rating-1000ps-20261121T101500Z}
	 */
	public static String baseName(LoadReport.Run run) {
		// Scenario names come from the command line: keep only what is safe in a file name anywhere.
		String scenario = run.scenario().replaceAll("[^A-Za-z0-9._-]+", "-");
		String rate = BigDecimal.valueOf(run.targetRate()).stripTrailingZeros().toPlainString();
		return scenario + "-" + rate + "ps-" + START_TIME.format(run.startedAt());
	}

}
