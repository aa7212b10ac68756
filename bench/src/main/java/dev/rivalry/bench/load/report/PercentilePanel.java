package dev.rivalry.bench.load.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The classic HdrHistogram chart: latency against percentile, the percentile on a log
 * scale of {@code 1/(1-p)} so that the tail (99%, 99.9%, …) gets as much room as the
 * body, one line per distribution, and the goal as a dashed level.
 */
final class PercentilePanel {

	private static final List<Color> PALETTE = List.of(new Color(0x1F77B4), new Color(0xFF7F0E),
			new Color(0x2CA02C), new Color(0x9467BD), new Color(0x8C564B), new Color(0x17BECF));

	private static final Color GOAL = new Color(0xD62728);

	/** 99.9999%: beyond that, a load run has too few values for the tail to mean anything. */
	private static final int MAX_NINES = 6;

	private PercentilePanel() {
	}

	static void draw(Graphics2D graphics, Rectangle area, LoadReport report) {
		Map<String, LatencySummary> latencies = report.latencies();
		List<String> names = LatencyNames.inReportOrder(latencies.keySet())
			.stream()
			.filter((name) -> !latencies.get(name).distribution().isEmpty())
			.toList();
		if (names.isEmpty()) {
			PlotArea.noData(graphics, area);
			return;
		}
		Goal goal = Goal.of(report);
		int nines = nines(names.stream().map(latencies::get).toList());
		double largest = names.stream().mapToDouble((name) -> latencies.get(name).max()).max().orElse(0);
		// The goal is always in range: how far from it the lines are is the chart's point.
		NiceScale millis = NiceScale.covering(Math.max(largest, goal.limitMillis()) * 1.05, 8);
		PlotArea plot = new PlotArea(graphics, area, nines, millis);
		plot.yAxis("latency (ms)");
		for (int nine = 0; nine <= nines; nine++) {
			plot.xTick(nine, percentileLabel(nine));
		}
		plot.xTitle("percentile");
		List<PlotArea.Legend> legend = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			Color color = PALETTE.get(i % PALETTE.size());
			List<LatencySummary.Point> points = latencies.get(names.get(i)).distribution();
			plot.line(points.stream().mapToDouble((point) -> x(point.percentile(), nines)).toArray(),
					points.stream().mapToDouble(LatencySummary.Point::millis).toArray(), color);
			legend.add(new PlotArea.Legend(names.get(i), color, false));
		}
		plot.dashedLevel(goal.limitMillis(), GOAL);
		legend.add(new PlotArea.Legend("goal: p99 " + LatencyNames.CREATE_TO_TOKEN + " ≤ "
				+ Formats.number(goal.limitMillis()) + " ms", GOAL, true));
		plot.legend(legend);
	}

	/**
	 * @return how many nines the x axis needs: enough for the largest percentile below 100%
	 * any distribution reached (rounded up to a whole nine), at least one
	 */
	private static int nines(List<LatencySummary> summaries) {
		double reached = summaries.stream()
			.flatMap((summary) -> summary.distribution().stream())
			.mapToDouble(LatencySummary.Point::percentile)
			.filter((percentile) -> percentile < 100)
			.map(PercentilePanel::ninesOf)
			.max()
			.orElse(0);
		// The tolerance keeps 99.9% from counting as just over three nines through rounding.
		return (int) Math.max(1, Math.min(MAX_NINES, Math.ceil(reached - 1e-6)));
	}

	/** @return where a percentile sits on an axis of the given nines: 100% (the maximum) at its end */
	private static double x(double percentile, int nines) {
		return (percentile >= 100) ? nines : Math.min(nines, ninesOf(percentile));
	}

	/** @return {@code log10(1/(1-p))}: 0 for 0%, 1 for 90%, 2 for 99%, … */
	private static double ninesOf(double percentile) {
		return Math.log10(100 / (100 - percentile));
	}

	/** @return 0%, 90%, 99%, 99.9%, … */
	private static String percentileLabel(int nines) {
		if (nines == 0) {
			return "0%";
		}
		double percentile = 100 - 100 / Math.pow(10, nines);
		return String.format(Locale.ROOT, "%." + Math.max(0, nines - 2) + "f%%", percentile);
	}

}
