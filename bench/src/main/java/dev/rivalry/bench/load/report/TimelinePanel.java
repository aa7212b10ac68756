package dev.rivalry.bench.load.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The run second by second: tickets created and matched per second, so a backlog (matched
 * falling behind created, then catching up in the drain) shows at a glance.
 */
final class TimelinePanel {

	private static final Color CREATED = new Color(0x1F77B4);

	private static final Color MATCHED = new Color(0x2CA02C);

	private TimelinePanel() {
	}

	static void draw(Graphics2D graphics, Rectangle area, List<LoadReport.Second> timeline) {
		if (timeline.isEmpty()) {
			PlotArea.noData(graphics, area);
			return;
		}
		double lastSecond = timeline.stream().mapToDouble(LoadReport.Second::second).max().orElse(0);
		double busiest = timeline.stream()
			.mapToDouble((second) -> Math.max(second.created(), second.matched()))
			.max()
			.orElse(0);
		NiceScale seconds = NiceScale.covering(lastSecond, 12);
		PlotArea plot = new PlotArea(graphics, area, seconds.max(), NiceScale.covering(busiest * 1.05, 4));
		plot.yAxis("per second");
		seconds.ticks().forEach((tick) -> plot.xTick(tick, seconds.label(tick)));
		plot.xTitle("seconds since the first ticket was due");
		double[] xs = values(timeline, LoadReport.Second::second);
		plot.line(xs, values(timeline, LoadReport.Second::created), CREATED);
		plot.line(xs, values(timeline, LoadReport.Second::matched), MATCHED);
		plot.legendAbove(List.of(new PlotArea.Legend("created", CREATED, false),
				new PlotArea.Legend("matched", MATCHED, false)));
	}

	private static double[] values(List<LoadReport.Second> timeline, ToDoubleFunction<LoadReport.Second> value) {
		return timeline.stream().mapToDouble(value).toArray();
	}

}
