package dev.rivalry.bench.load;

import java.io.IOException;
import java.nio.file.Files;

import dev.rivalry.bench.load.report.LoadReport;
import dev.rivalry.bench.load.report.ReportWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -cp bench/target/benchmarks.jar dev.rivalry.bench.load.LoadMain --scenario=duel-rating --rate=1000 --duration=30s}:
 * one open-loop run against a running stack; writes JSON, Markdown and a PNG plot to the
 * results folder. Exits 0 when every ticket ended exactly once, 1 when the check failed,
 * 2 on bad arguments.
 */
public final class LoadMain {

	static {
		// Before the first logger: the generator's own logging configuration, not a Boot
		// application's logback.xml (the bench jar is on the classpath of end-to-end tests).
		System.setProperty("logback.configurationFile", "logback-bench.xml");
	}

	private static final Logger logger = LoggerFactory.getLogger(LoadMain.class);

	private LoadMain() {
	}

	public static void main(String[] args) throws IOException {
		System.setProperty("java.awt.headless", "true");
		LoadSettings settings;
		try {
			settings = LoadSettings.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.print(LoadSettings.USAGE);
			System.exit(2);
			return;
		}
		LoadGenerator generator = new LoadGenerator(settings);
		LoadReport report = generator.run();
		ReportWriter.Written written = ReportWriter.write(report, settings.out());
		generator.pools().write(PoolTimeline.besides(written.json()));
		logger.info("Report: {} ({} and {})", written.markdown(), written.json(), written.plot());
		System.out.println(Files.readString(written.markdown()));
		System.exit(report.terminal().passed() ? 0 : 1);
	}

}
