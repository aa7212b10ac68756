package dev.rivalry.bench.load.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * Draws a report's chart: latency by percentile above, the timeline below. Plain
 * {@code java.awt} into an image, so the generator needs no charting library and no
 * display.
 */
final class LatencyPlot {

	static final int WIDTH = 1200;

	static final int HEIGHT = 700;

	private static final Rectangle PERCENTILES = new Rectangle(90, 50, 1080, 410);

	private static final Rectangle TIMELINE = new Rectangle(90, 540, 1080, 105);

	private static final Font LABELS = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

	private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);

	private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);

	static {
		// The generator runs on machines without a display; on a desktop this also keeps AWT
		// from starting a GUI toolkit (a Dock icon on macOS) just to draw a file. An explicit
		// -Djava.awt.headless still wins.
		if (System.getProperty("java.awt.headless") == null) {
			System.setProperty("java.awt.headless", "true");
		}
	}

	private LatencyPlot() {
	}

	/**
	 * @param report the report to plot
	 * @param file the PNG to write
	 * @throws IOException if it cannot be written
	 */
	static void write(LoadReport report, Path file) throws IOException {
		if (!ImageIO.write(draw(report), "png", file.toFile())) {
			throw new IOException("No PNG writer available for " + file);
		}
	}

	/**
	 * @param report the report to plot
	 * @return the chart
	 */
	static BufferedImage draw(LoadReport report) {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			graphics.setColor(Color.WHITE);
			graphics.fillRect(0, 0, WIDTH, HEIGHT);
			LoadReport.Run run = report.run();
			title(graphics, TITLE, run.scenario() + " at " + Formats.number(run.targetRate())
					+ " tickets/s — latency by percentile (open loop)", 30);
			title(graphics, SUBTITLE, "tickets per second", TIMELINE.y - 12);
			graphics.setFont(LABELS);
			PercentilePanel.draw(graphics, PERCENTILES, report);
			TimelinePanel.draw(graphics, TIMELINE, report.timeline());
		}
		finally {
			graphics.dispose();
		}
		return image;
	}

	private static void title(Graphics2D graphics, Font font, String text, int baseline) {
		graphics.setFont(font);
		graphics.setColor(PlotArea.TEXT);
		FontMetrics metrics = graphics.getFontMetrics();
		graphics.drawString(text, (WIDTH - metrics.stringWidth(text)) / 2, baseline);
	}

}
