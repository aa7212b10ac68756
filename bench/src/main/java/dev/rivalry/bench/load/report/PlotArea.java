package dev.rivalry.bench.load.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.List;

/**
 * One chart's plotting rectangle and its scales (x from zero to {@code xMax}, y as a
 * {@link NiceScale}): maps data to pixels and draws the axes, lines and legend, so the two
 * panels of {@link LatencyPlot} look alike without repeating the drawing code.
 */
final class PlotArea {

	static final Color TEXT = Color.DARK_GRAY;

	private static final Color GRID = new Color(0xE4E4E4);

	private static final Color FRAME = Color.GRAY;

	private static final int TICK_LENGTH = 5;

	private static final int LEGEND_SAMPLE = 28;

	private static final int LEGEND_PADDING = 8;

	private static final Stroke LINE = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

	private static final Stroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
			new float[] { 8f, 6f }, 0f);

	private final Graphics2D graphics;

	private final Rectangle area;

	private final double xMax;

	private final NiceScale y;

	/**
	 * One entry of a legend.
	 *
	 * @param label what the line shows
	 * @param color its colour
	 * @param dashed whether it is drawn dashed
	 */
	record Legend(String label, Color color, boolean dashed) {
	}

	PlotArea(Graphics2D graphics, Rectangle area, double xMax, NiceScale y) {
		this.graphics = graphics;
		this.area = area;
		this.xMax = xMax;
		this.y = y;
	}

	/**
	 * Draws a framed, empty area saying there is nothing to plot, so an empty run still
	 * gives a chart that explains itself.
	 */
	static void noData(Graphics2D graphics, Rectangle area) {
		graphics.setColor(FRAME);
		graphics.draw(area);
		graphics.setColor(TEXT);
		FontMetrics metrics = graphics.getFontMetrics();
		String text = "no data";
		graphics.drawString(text, (int) area.getCenterX() - metrics.stringWidth(text) / 2,
				(int) area.getCenterY() + metrics.getAscent() / 2);
	}

	/** Draws the horizontal grid, the y tick labels, the frame and the axis' title. */
	void yAxis(String title) {
		FontMetrics metrics = this.graphics.getFontMetrics();
		for (double tick : this.y.ticks()) {
			double pixel = y(tick);
			this.graphics.setColor(GRID);
			this.graphics.draw(new Line2D.Double(this.area.getMinX(), pixel, this.area.getMaxX(), pixel));
			this.graphics.setColor(TEXT);
			String label = this.y.label(tick);
			this.graphics.drawString(label, (int) this.area.getMinX() - TICK_LENGTH - 3 - metrics.stringWidth(label),
					(int) pixel + metrics.getAscent() / 2 - 1);
		}
		this.graphics.setColor(FRAME);
		this.graphics.draw(this.area);
		AffineTransform unrotated = this.graphics.getTransform();
		this.graphics.setColor(TEXT);
		this.graphics.rotate(-Math.PI / 2);
		this.graphics.drawString(title, -(int) this.area.getCenterY() - metrics.stringWidth(title) / 2,
				(int) this.area.getMinX() - 55);
		this.graphics.setTransform(unrotated);
	}

	/** Draws one x tick: a vertical grid line, a tick mark and its label below the area. */
	void xTick(double value, String label) {
		double pixel = x(value);
		this.graphics.setColor(GRID);
		this.graphics.draw(new Line2D.Double(pixel, this.area.getMinY(), pixel, this.area.getMaxY()));
		this.graphics.setColor(FRAME);
		this.graphics.draw(new Line2D.Double(pixel, this.area.getMaxY(), pixel, this.area.getMaxY() + TICK_LENGTH));
		this.graphics.setColor(TEXT);
		FontMetrics metrics = this.graphics.getFontMetrics();
		this.graphics.drawString(label, (int) pixel - metrics.stringWidth(label) / 2,
				(int) this.area.getMaxY() + TICK_LENGTH + metrics.getAscent() + 2);
	}

	/** Draws the x axis' title, centred below the tick labels. */
	void xTitle(String title) {
		FontMetrics metrics = this.graphics.getFontMetrics();
		this.graphics.setColor(TEXT);
		this.graphics.drawString(title, (int) this.area.getCenterX() - metrics.stringWidth(title) / 2,
				(int) this.area.getMaxY() + TICK_LENGTH + 2 * metrics.getHeight() + 4);
	}

	/** Draws a polyline through the given points, clipped to the area. */
	void line(double[] xs, double[] ys, Color color) {
		if (xs.length == 0) {
			return;
		}
		Path2D.Double path = new Path2D.Double();
		path.moveTo(x(xs[0]), y(ys[0]));
		for (int i = 1; i < xs.length; i++) {
			path.lineTo(x(xs[i]), y(ys[i]));
		}
		draw(path, color, LINE);
	}

	/** Draws a dashed horizontal line across the area, e.g. a goal. */
	void dashedLevel(double value, Color color) {
		draw(new Line2D.Double(this.area.getMinX(), y(value), this.area.getMaxX(), y(value)), color, DASHED);
	}

	/** Draws a legend, one entry a line, boxed in the area's top-left corner (where percentile lines start low). */
	void legend(List<Legend> entries) {
		FontMetrics metrics = this.graphics.getFontMetrics();
		int width = entries.stream().mapToInt(this::legendWidth).max().orElse(0) + 2 * LEGEND_PADDING;
		int left = (int) this.area.getMinX() + 12;
		int top = (int) this.area.getMinY() + 12;
		Rectangle box = new Rectangle(left, top, width, entries.size() * metrics.getHeight() + LEGEND_PADDING);
		this.graphics.setColor(new Color(255, 255, 255, 225));
		this.graphics.fill(box);
		this.graphics.setColor(GRID);
		this.graphics.draw(box);
		for (int i = 0; i < entries.size(); i++) {
			legendEntry(entries.get(i), left + LEGEND_PADDING,
					top + LEGEND_PADDING / 2 + (i + 1) * metrics.getHeight() - metrics.getDescent());
		}
	}

	/** Draws a legend in one row above the area's top-right corner, clear of lines that run along the top. */
	void legendAbove(List<Legend> entries) {
		int right = (int) this.area.getMaxX();
		int baseline = (int) this.area.getMinY() - 6;
		for (int i = entries.size() - 1; i >= 0; i--) {
			right -= legendWidth(entries.get(i));
			legendEntry(entries.get(i), right, baseline);
			right -= 2 * LEGEND_PADDING;
		}
	}

	private int legendWidth(Legend entry) {
		return LEGEND_SAMPLE + LEGEND_PADDING + this.graphics.getFontMetrics().stringWidth(entry.label());
	}

	private void legendEntry(Legend entry, int left, int baseline) {
		double middle = baseline - this.graphics.getFontMetrics().getAscent() / 2.0 + 1;
		this.graphics.setColor(entry.color());
		this.graphics.setStroke(entry.dashed() ? DASHED : LINE);
		this.graphics.draw(new Line2D.Double(left, middle, left + LEGEND_SAMPLE, middle));
		this.graphics.setStroke(new BasicStroke());
		this.graphics.setColor(TEXT);
		this.graphics.drawString(entry.label(), left + LEGEND_SAMPLE + LEGEND_PADDING, baseline);
	}

	private void draw(Shape shape, Color color, Stroke stroke) {
		Shape clip = this.graphics.getClip();
		// A little beyond the frame, so a line along an edge (a zero, the maximum) is not cut in half.
		Rectangle inside = new Rectangle(this.area);
		inside.grow(2, 2);
		this.graphics.clip(inside);
		this.graphics.setColor(color);
		this.graphics.setStroke(stroke);
		this.graphics.draw(shape);
		this.graphics.setStroke(new BasicStroke());
		this.graphics.setClip(clip);
	}

	private double x(double value) {
		return this.area.getMinX() + this.area.getWidth() * value / this.xMax;
	}

	private double y(double value) {
		return this.area.getMaxY() - this.area.getHeight() * value / this.y.max();
	}

}
